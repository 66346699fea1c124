package vn.dienbien.tdkt.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;

/**
 * The engine's validation reports told in Vietnamese, one line per problem, naming the steps by
 * their names in the diagram: the engine's own (English) wording and class names never reach the
 * administrator.
 */
final class MigrationReports {

    private MigrationReports() {
    }

    /** Problems of the plan itself: a mapping the engine cannot carry out. */
    static List<String> ofPlan(MigrationPlanValidationException e, ActivityNames source, ActivityNames target) {
        Set<String> lines = new LinkedHashSet<>();
        var report = e.getValidationReport();
        if (report != null) {
            for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
                String mapping = mapping(instruction.getMigrationInstruction(), source, target);
                for (String failure : instruction.getFailures()) {
                    lines.add("Không chuyển được " + mapping + ": " + reason(failure) + ".");
                }
            }
            if (report.hasVariableReports()) {
                report.getVariableReports().keySet().forEach(name ->
                        lines.add("Biến «" + name + "» đặt cho phiên bản mới không hợp lệ."));
            }
        }
        if (lines.isEmpty()) {
            lines.add("Kế hoạch chuyển phiên bản không hợp lệ.");
        }
        return new ArrayList<>(lines);
    }

    /** Problems of the chosen cases: each case, the step it sits in, why it cannot move. */
    static List<String> ofCases(MigratingProcessInstanceValidationException e, ActivityNames source,
            Map<String, String> caseLabels) {
        List<String> lines = new ArrayList<>();
        MigratingProcessInstanceValidationReport report = e.getValidationReport();
        if (report == null) {
            lines.add("Có hồ sơ không chuyển được sang phiên bản mới.");
            return lines;
        }
        String label = caseLabels.getOrDefault(report.getProcessInstanceId(), report.getProcessInstanceId());
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            for (String failure : activity.getFailures()) {
                lines.add(caseLine(label, source.name(activity.getSourceScopeId()), failure));
            }
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            for (String failure : transition.getFailures()) {
                lines.add(caseLine(label, source.name(transition.getSourceScopeId()), failure));
            }
        }
        if (lines.isEmpty()) {
            lines.add("Hồ sơ " + label + " không chuyển được sang phiên bản mới.");
        }
        return lines;
    }

    private static String caseLine(String caseLabel, String stepName, String failure) {
        String f = failure.toLowerCase(Locale.ROOT);
        if (f.contains("no migration instruction") || f.contains("no instruction")) {
            return "Hồ sơ " + caseLabel + " đang ở bước «" + stepName + "», bước này chưa được ánh xạ sang phiên bản mới.";
        }
        return "Hồ sơ " + caseLabel + " đang ở bước «" + stepName + "» không chuyển được: " + reason(failure) + ".";
    }

    private static String mapping(MigrationInstruction instruction, ActivityNames source, ActivityNames target) {
        if (instruction == null) {
            return "một bước";
        }
        return "bước «" + source.name(instruction.getSourceActivityId()) + "» sang bước «"
                + target.name(instruction.getTargetActivityId()) + "»";
    }

    /** The engine's reason in Vietnamese, by what it is about. */
    static String reason(String failure) {
        String f = failure == null ? "" : failure.toLowerCase(Locale.ROOT);
        if (f.contains("multiple") || f.contains("more than one") || f.contains("already")) {
            return "một bước chỉ được ánh xạ tới một bước của phiên bản mới";
        }
        if (f.contains("type") || f.contains("not supported") || f.contains("incompatible")) {
            return "hai bước khác loại, hoặc loại bước này không chuyển được";
        }
        if (f.contains("scope") || f.contains("parent") || f.contains("hierarchy") || f.contains("subprocess")) {
            return "bước mới phải nằm trong quy trình con tương ứng với bước cũ";
        }
        if (f.contains("event") || f.contains("timer") || f.contains("message") || f.contains("signal")) {
            return "sự kiện của hai bước không tương ứng";
        }
        if (f.contains("multi-instance") || f.contains("multi instance") || f.contains("loop")) {
            return "bước lặp (nhiều lần) không tương ứng";
        }
        if (f.contains("gateway")) {
            return "cổng rẽ nhánh không tương ứng";
        }
        if (f.contains("variable")) {
            return "dữ liệu của hồ sơ không phù hợp với phiên bản mới";
        }
        return "phiên bản mới không có bước tương ứng phù hợp";
    }
}
