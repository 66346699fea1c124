package vn.dienbien.tdkt.council;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tên nhiệm vụ theo phiên họp: the diagram names each step in fixed words ("Biểu quyết khen thưởng");
 * as a council task is created, this listener finds the case's own session (by its process instance,
 * never a variable) and names the task as officials find it in Tasklist ("Biểu quyết: Phiên họp tháng
 * 3/2024"), with the session, its meeting date and, while voting, its due date as the description.
 */
@Component("councilTaskNamed")
class CouncilTaskNames implements TaskListener {

    /** The names Tasklist lists before the session's title, as officials (and the e2e test) know them. */
    private static final Map<String, String> TASKLIST_NAMES = Map.of(
            "Task_Vote", "Biểu quyết",
            "Task_CloseVoting", "Thường trực Hội đồng kết thúc biểu quyết",
            "Task_Adjourn", "Hoãn phiên họp (không đủ số thành viên)",
            "Task_Submission", "Lập tờ trình Chủ tịch UBND tỉnh",
            "Task_Chairman", "Phê duyệt khen thưởng",
            "Task_RegisterDecision", "Văn thư vào số, ngày ký quyết định");

    private static final Set<String> VOTING = Set.of("Task_Vote", "Task_CloseVoting");

    /** The engine keeps a task's name in 255 characters; a session title may have 500. */
    static final int NAME_MAX = 255;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final CouncilSessionRepository sessions;

    CouncilTaskNames(CouncilSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        CouncilSession session = sessions.ofCase(task.getProcessInstanceId());
        String step = TASKLIST_NAMES.getOrDefault(task.getTaskDefinitionKey(), task.getName());
        task.setName(fit(step + ": " + session.getTitle(), NAME_MAX));
        StringBuilder description = new StringBuilder("Phiên họp: ").append(session.getTitle()).append('.');
        if (session.getMeetingDate() != null) {
            description.append("\nNgày họp: ").append(DAY.format(session.getMeetingDate())).append('.');
        }
        if (VOTING.contains(task.getTaskDefinitionKey()) && session.getVotingDueAt() != null) {
            description.append("\nHạn biểu quyết: ").append(TIME.format(session.getVotingDueAt().atZone(VIETNAM))).append('.');
        }
        task.setDescription(description.toString());
    }

    /** At most {@code max} characters, the last one an ellipsis when cut. */
    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
