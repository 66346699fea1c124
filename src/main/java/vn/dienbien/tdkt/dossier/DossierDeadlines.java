package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Thời hạn giải quyết hồ sơ (25 ngày làm việc) as the award-dossier diagram reads it: the Board's task's due date
 * and the limit's two timers, {@code ${dossierDeadlines.dueAt(execution)}} and
 * {@code ${dossierDeadlines.reminderAt(execution)}}. Read from the case's own dossier, never from a variable a
 * person could write, and with no copy kept as the case's variables (issue 12: two variable rows written at every
 * confirmation and deleted at every case's end). Public because the expression language calls it reflectively.
 */
@Component("dossierDeadlines")
public class DossierDeadlines {

    /** An expression that reads the deadline's variables itself (a diagram of an earlier version). */
    private static final Pattern READS_VARIABLES = Pattern.compile("(?<![.\\w])(dueAt|dueReminderAt)\\b");

    private final DossierCases cases;
    private final DossierRepository dossiers;
    /** Process definition id → whether its diagram reads the deadline from variables; a definition never changes. */
    private final Map<String, Boolean> readsVariables = new ConcurrentHashMap<>();

    DossierDeadlines(DossierCases cases, DossierRepository dossiers) {
        this.cases = cases;
        this.dossiers = dossiers;
    }

    /** When the limit falls due; null while the clock stands (the dossier is back at its unit). */
    public Date dueAt(DelegateExecution execution) {
        return date(dossier(execution).getDueAt());
    }

    /** When the Board is reminded that the limit is near; null while the clock stands. */
    public Date reminderAt(DelegateExecution execution) {
        return date(dossier(execution).getDueReminderAt());
    }

    /**
     * Whether this case's diagram reads the deadline from the variables {@code dueAt} and {@code dueReminderAt}
     * (cases started on a version before the twentieth pass of issue 12): those still get them.
     */
    boolean readFromVariables(DelegateExecution execution) {
        return readsVariables.computeIfAbsent(execution.getProcessDefinitionId(),
                id -> readsVariables(execution.getBpmnModelInstance()));
    }

    static boolean readsVariables(BpmnModelInstance model) {
        if (model == null) {
            return false;
        }
        Stream<String> dueDates = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaDueDate);
        Stream<String> timers = model.getModelElementsByType(TimerEventDefinition.class).stream()
                .flatMap(t -> Stream.of(t.getTimeDate(), t.getTimeDuration(), t.getTimeCycle()))
                .map(e -> e == null ? null : ((ModelElementInstance) e).getTextContent());
        return Stream.concat(dueDates, timers).anyMatch(text -> text != null && READS_VARIABLES.matcher(text).find());
    }

    private Dossier dossier(DelegateExecution execution) {
        Long id = cases.dossierOf(execution.getProcessInstanceId()).orElseThrow(() -> new IllegalStateException(
                "Không tìm thấy hồ sơ đề nghị khen thưởng của hồ sơ công việc " + execution.getProcessInstanceId()
                        + " để tính thời hạn giải quyết."));
        return dossiers.findById(id).orElseThrow();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
