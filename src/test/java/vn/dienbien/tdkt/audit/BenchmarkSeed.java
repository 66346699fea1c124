package vn.dienbien.tdkt.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.council.CouncilScenario;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.Proposal;

/**
 * Lô hồ sơ mẫu của benchmark: one council session's worth of real dossiers of the health department,
 * taken through the real services by the people who act on them, the clock moving between steps: two
 * returned for a supplement then accepted, four accepted, all voted for; two accepted but voted
 * against; one stopped at appraisal as not eligible. The session closes with the Chairman's decision.
 * Every case ends; its history is what the loader clones.
 */
final class BenchmarkSeed {

    /** What one batch left: its dossiers (record id → nominee), its session and decision. */
    record Batch(Map<Long, String> dossiers, long sessionId, String sessionTitle, long decisionId,
            LocalDateTime startedAt) {

        int cases() {
            return dossiers.size() + 1;
        }
    }

    private static final String RETURN_REASON = "Thiếu biên bản họp Hội đồng thi đua cơ sở có chữ ký.";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

    private final CouncilScenario council;
    private final DossierProposals proposals;
    private final DocumentService documents;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final ManagementService managementService;
    private LocalDateTime now;

    BenchmarkSeed(CouncilScenario council, DossierProposals proposals, DocumentService documents,
            TaskService taskService, JdbcTemplate jdbc, ManagementService managementService) {
        this.council = council;
        this.managementService = managementService;
        this.proposals = proposals;
        this.documents = documents;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    Batch run(LocalDateTime start) {
        now = start;
        try {
            Map<Long, String> dossiers = new LinkedHashMap<>();
            List<Long> returned = new ArrayList<>();
            List<Long> accepted = new ArrayList<>();
            List<Long> votedDown = new ArrayList<>();
            String[][] nominees = {{"Lò Thị Xuân", "Nữ"}, {"Quàng Văn Hải", "Nam"}, {"Cà Thị Hoa", "Nữ"},
                {"Lường Văn Hùng", "Nam"}, {"Tòng Thị Lan", "Nữ"}, {"Giàng A Páo", "Nam"}, {"Sùng Thị Mỷ", "Nữ"},
                {"Vàng A Chính", "Nam"}, {"Điêu Thị Hằng", "Nữ"}};
            for (int i = 0; i < nominees.length; i++) {
                tick(0, 20);
                boolean eligible = i != 8;
                Long id = propose(nominees[i][0], nominees[i][1], eligible);
                dossiers.put(id, nominees[i][0]);
                (i < 2 ? returned : i < 6 ? accepted : i < 8 ? votedDown : new ArrayList<Long>()).add(id);
            }
            tick(1, 0);
            for (Long id : dossiers.keySet()) {
                tick(0, 15);
                complete("lanhdao.syt", id, Map.of("headDecision", "CONFIRM"));
            }
            tick(3, 0);
            for (Long id : dossiers.keySet()) {
                tick(0, 30);
                if (returned.contains(id)) {
                    complete("bantdkt", id, Map.of("appraisalDecision", "RETURN", "appraisalReason", RETURN_REASON));
                } else if (accepted.contains(id) || votedDown.contains(id)) {
                    complete("bantdkt", id, Map.of("appraisalDecision", "ACCEPT"));
                } else {
                    complete("bantdkt", id, Map.of("appraisalDecision", "REJECT", "appraisalReason",
                            "Đơn vị đề nghị chưa đủ hai năm liên tục hoàn thành xuất sắc nhiệm vụ."));
                }
            }
            tick(2, 0);
            for (Long id : returned) {
                complete("canbo.syt", id, Map.of("supplementNote", "Đã bổ sung biên bản họp Hội đồng cơ sở."));
            }
            tick(2, 0);
            for (Long id : returned) {
                complete("bantdkt", id, Map.of("appraisalDecision", "ACCEPT"));
            }
            List<Long> voted = new ArrayList<>(returned);
            voted.addAll(accepted);
            voted.addAll(votedDown);
            tick(3, 0);
            LocalDate meeting = now.toLocalDate().plusDays(7);
            String title = "Phiên họp tháng " + meeting.getMonthValue() + "/" + meeting.getYear();
            long sessionId = council.open(title, meeting, voted);
            tick(1, 0);
            for (String member : CouncilScenario.MEMBERS) {
                tick(0, 40);
                council.vote(sessionId, member, member, ballot(voted, votedDown));
            }
            council.executeJobs(sessionId);
            tick(1, 0);
            council.completeAs("thuongtruc.hd", council.task(sessionId, "Task_Submission"),
                    Map.of("submissionNote", "Đề nghị tặng Bằng khen cho " + (voted.size() - votedDown.size())
                            + " cá nhân đã được Hội đồng thông qua."));
            tick(2, 0);
            council.completeAs("chutich", council.task(sessionId, "Task_Chairman"),
                    Map.of("chairmanDecision", "APPROVE_ALL"));
            tick(1, 0);
            council.register(sessionId);
            council.executeDossierJobs(voted); // each case tells its unit and ends in a job of its own
            long decisionId = jdbc.queryForObject("select d.id from decision d join council_session s"
                    + " on s.decision_code = d.code where s.id = ?", Long.class, sessionId);
            return new Batch(dossiers, sessionId, title, decisionId, start);
        } finally {
            ClockUtil.reset();
        }
    }

    private void tick(int days, int minutes) {
        now = now.plusDays(days).plusMinutes(minutes);
        CouncilScenario.clockAt(now);
    }

    private Long propose(String name, String gender, boolean eligible) {
        Map<String, Long> docs = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            docs.put(type, documents.store(type + ".pdf", "application/pdf", PDF, council.user("canbo.syt")).id());
        }
        int year = now.getYear() - 1;
        var facts = eligible ? new Proposal.Facts(List.of(year - 1, year), 2, false, false, false)
                : new Proposal.Facts(List.of(year), 0, false, false, false);
        return proposals.propose(new Proposal("383/KH-UBND", year, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee(name, gender, 1980, "Chuyên viên", "Sở Y tế", false, null, null, null, null,
                        null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền; hai sáng kiến được công nhận.", facts, docs),
                council.user("canbo.syt"));
    }

    private void complete(String userId, Long dossierId, Map<String, Object> variables) {
        String instance = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class,
                dossierId);
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        council.completeAs(userId, task, variables);
    }

    /** The voting form's ballot: for on every dossier but those voted down. */
    private static String ballot(List<Long> dossierIds, List<Long> against) {
        return dossierIds.stream().map(id -> "{\"dossierId\":" + id + ",\"vote\":\""
                + (against.contains(id) ? "NO" : "YES") + "\",\"comment\":\"\",\"conflictOfInterest\":false}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
