package vn.dienbien.tdkt.modelling;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * What a literal in a diagram must name or read as: forms and decisions that exist, timers and history
 * time to live that the engine reads. Each rule answers the Vietnamese problem, or null.
 */
final class Literals {

    private Literals() {
    }

    static String formRefProblem(String formRef, boolean sameDeployment, ModelCheck.Contents deployment,
            ModelFacts facts) {
        if (deployment.formIds().contains(formRef) || (!sameDeployment && facts.isDeployedForm(formRef))) {
            return null;
        }
        return "biểu mẫu Camunda \"" + formRef + "\" không có trong lần triển khai này"
                + (sameDeployment ? " (formRefBinding=deployment)." : " và chưa từng được triển khai.");
    }

    static String formKeyProblem(String formKey, ModelCheck.Contents deployment, ModelFacts facts) {
        String location = formKey.startsWith("embedded:") ? formKey.substring("embedded:".length())
                : formKey.startsWith("camunda-forms:") ? formKey.substring("camunda-forms:".length()) : null;
        if (location == null) {
            return "khóa biểu mẫu \"" + formKey + "\" không thuộc loại ứng dụng dùng (embedded:/forms/….html, "
                    + "embedded:deployment:…, camunda-forms:… hoặc formRef).";
        }
        if (location.startsWith("deployment:")) {
            String path = location.substring("deployment:".length());
            return deployment.resourceNames().contains(path) || deployment.resourceNames().contains("/" + path) ? null
                    : "biểu mẫu \"" + path + "\" (" + formKey + ") không có trong lần triển khai này.";
        }
        if (location.startsWith("app:")) {
            return "biểu mẫu \"" + formKey + "\" dùng đường dẫn app:, nhưng ứng dụng không đăng ký process "
                    + "application nên Tasklist không tìm được; hãy dùng embedded:/forms/….html.";
        }
        return location.startsWith("/") && facts.isServed(location) ? null
                : "ứng dụng không phục vụ biểu mẫu \"" + location + "\" (" + formKey + "); các biểu mẫu nhúng nằm "
                        + "trong thư mục forms/ và được mở tại /forms/….";
    }

    static String decisionProblem(String ref, boolean sameDeployment, ModelCheck.Contents deployment,
            ModelFacts facts) {
        if (deployment.decisionIds().contains(ref) || (!sameDeployment && facts.isDeployedDecision(ref))) {
            return null;
        }
        return "bảng quyết định DMN \"" + ref + "\" không có trong lần triển khai này"
                + (sameDeployment ? " (decisionRefBinding=deployment)." : " và chưa từng được triển khai.");
    }

    /** A timer's literal (not an expression) of the kind timeDate, timeDuration or timeCycle. */
    static String timerProblem(String kind, String text) {
        if (parses(kind, text)) {
            return null;
        }
        return switch (kind) {
            case "timeDate" -> "ngày giờ hẹn \"" + text + "\" không đúng ISO 8601 (ví dụ 2026-03-30T17:00:00+07:00).";
            case "timeDuration" -> "khoảng thời gian \"" + text + "\" không đúng ISO 8601 (ví dụ P3D, PT12H).";
            default -> "chu kỳ \"" + text + "\" không đúng ISO 8601 (ví dụ R3/PT10H) hay biểu thức cron "
                    + "(ví dụ 0 30 1 * * ?).";
        };
    }

    /** The literal reads as the engine itself will read it when the timer is created. */
    static boolean parses(String kind, String text) {
        try {
            var due = switch (kind) {
                case "timeDate" -> new DueDateBusinessCalendar().resolveDuedate(text);
                case "timeDuration" -> new DurationBusinessCalendar().resolveDuedate(text);
                default -> new CycleBusinessCalendar().resolveDuedate(text);
            };
            return due != null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Days, or P{days}D, as the engine reads historyTimeToLive. */
    static boolean validTimeToLive(String ttl) {
        try {
            Integer days = ParseUtil.parseHistoryTimeToLive(ttl.trim());
            return days != null && days >= 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
