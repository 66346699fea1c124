package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;

/**
 * The documents the office signs, generated from the templates and read back with Apache POI, and
 * the văn thư's registration of the decision: the proposed number, a used number refused with
 * nothing written, another free number accepted and followed by the next proposal, the signed scan.
 */
@WorkflowTest
class OfficeDocumentsTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionViews views;
    @Autowired DossierQueries dossiers;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSubmissionAndTheDecisionAreFilledFromTheTemplatesWithTheAwardeesInTheAnnex() throws IOException {
        clockAt(LocalDateTime.of(2029, 3, 4, 9, 0));
        Long a = scenario.acceptedCertificate("Quàng Văn Thành");
        Long b = scenario.acceptedCertificate("Lò Thị Hiền");
        Long sessionId = scenario.open("Phiên họp tháng 3/2029", LocalDate.of(2029, 3, 4), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        String nameA = dossiers.record(a).nomineeName();
        String nameB = dossiers.record(b).nomineeName();

        try (XWPFDocument draft = docx("thuongtruc.hd", "/api/council-sessions/" + sessionId + "/submission.docx")) {
            assertThat(text(draft)).contains("DỰ THẢO").contains("TỜ TRÌNH")
                    .contains("Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh")
                    .contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Điện Biên")
                    .contains("Ngày 04/03/2029, Hội đồng Thi đua – Khen thưởng tỉnh đã họp xét");
            assertThat(cells(draft.getTables().get(0))).contains("SỞ NỘI VỤ", "BAN THI ĐUA – KHEN THƯỞNG",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
                    "Điện Biên, ngày 04 tháng 03 năm 2029");
            assertThat(annexRows(draft)).extracting(row -> row.get(0)).containsExactly("1", "2");
            assertThat(annexRows(draft)).extracting(row -> row.subList(1, row.size())).containsExactlyInAnyOrder(
                    List.of(nameA, "Chuyên viên, Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "7/7 đồng ý"),
                    List.of(nameB, "Chuyên viên, Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "7/7 đồng ý"));
        }

        clockAt(LocalDateTime.of(2029, 3, 5, 10, 0));
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho 2 cá nhân."));
        try (XWPFDocument submitted = docx("chutich", "/api/council-sessions/" + sessionId + "/submission.docx")) {
            assertThat(text(submitted)).doesNotContain("DỰ THẢO").contains("Đề nghị tặng Bằng khen cho 2 cá nhân.");
            assertThat(cells(submitted.getTables().get(1))).contains("Nguyễn Văn Long");
        }
        clockAt(LocalDateTime.of(2029, 3, 6, 8, 0));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        int proposed = scenario.proposal(sessionId).proposedNumber();
        try (XWPFDocument draft = docx("vanthu.ubnd", "/api/council-sessions/" + sessionId + "/decision-draft.docx")) {
            assertThat(cells(draft.getTables().get(0))).contains("Số: " + proposed + "/QĐ-UBND");
            assertThat(text(draft)).contains("DỰ THẢO");
        }

        clockAt(LocalDateTime.of(2029, 3, 7, 15, 0));
        scenario.register(sessionId, String.valueOf(proposed), LocalDate.of(2029, 3, 7), scenario.signedScan("vanthu.ubnd"));
        Long decisionId = jdbc.queryForObject("select id from decision where number_year = 2029 and number_value = ?",
                Long.class, proposed);
        try (XWPFDocument decision = docx("bantdkt", "/api/decisions/" + decisionId + "/document.docx")) {
            String body = text(decision);
            assertThat(body).doesNotContain("DỰ THẢO").contains("QUYẾT ĐỊNH")
                    .contains("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh năm 2023")
                    .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN")
                    .contains("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
                    .contains("Căn cứ Nghị định số 98/2023/NĐ-CP")
                    .contains("Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 2 tập thể, cá nhân")
                    .contains("(Kèm theo Quyết định số " + proposed + "/QĐ-UBND ngày 07/03/2029 của Chủ tịch Ủy ban nhân dân tỉnh Điện Biên)");
            assertThat(cells(decision.getTables().get(0))).contains("ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN",
                    "Số: " + proposed + "/QĐ-UBND", "Điện Biên, ngày 07 tháng 03 năm 2029");
            assertThat(cells(decision.getTables().get(1))).contains("Nơi nhận:", "- Như Điều 3;", "CHỦ TỊCH", "Lê Thành Đô");
            assertThat(annexRows(decision)).extracting(row -> row.get(0)).containsExactly("1", "2");
            assertThat(annexRows(decision)).extracting(row -> row.subList(1, row.size())).containsExactlyInAnyOrder(
                    List.of(nameA, "Chuyên viên, Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh"),
                    List.of(nameB, "Chuyên viên, Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh"));
        }
        for (String reader : List.of("thuongtruc.hd", "chutich", "vanthu.ubnd", "truongban.tdkt")) {
            assertThat(api.as(reader).getForEntity("/api/decisions/" + decisionId + "/document.docx", byte[].class)
                    .getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        for (String other : List.of("hoidong1", "kiemtoan", "mttq.giamsat", "canbo.syt")) {
            assertThat(api.as(other).getForEntity("/api/decisions/" + decisionId + "/document.docx", String.class)
                    .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(other).getForEntity("/api/council-sessions/" + sessionId + "/submission.docx", String.class)
                    .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theClerkKeepsTheProposedNumberOrTypesAnUnusedOneAndTheRegisterFollowsTheHighest() {
        clockAt(LocalDateTime.of(2031, 5, 12, 9, 0));
        Long first = approvedSession("Phiên họp thứ nhất 2031");
        var proposal = scenario.proposal(first);
        // The highest number used (the counter row may lag behind registrations under a reserved number).
        Integer last = jdbc.queryForObject("select coalesce(max(number_value), 0) from (select number_value from decision where number_year = 2031"
                + " union all select number_value from award_annulment where number_year = 2031) x", Integer.class);
        assertThat(proposal.proposedNumber()).isEqualTo(last + 1);
        assertThat(proposal.approvedOn()).isEqualTo(LocalDate.of(2031, 5, 12));
        int n = proposal.proposedNumber();
        scenario.register(first);
        assertThat(views.view(first, scenario.user("kiemtoan")).decisionCode()).isEqualTo(n + "/QĐ-UBND");

        clockAt(LocalDateTime.of(2031, 5, 13, 9, 0));
        Long second = approvedSession("Phiên họp thứ hai 2031");
        assertThat(scenario.proposal(second).proposedNumber()).isEqualTo(n + 1);
        Long dossier = jdbc.queryForObject("select dossier_id from council_session_dossier where session_id = ?", Long.class, second);
        String taskId = scenario.task(second, "Task_RegisterDecision").getId();
        Long scan = scenario.signedScan("vanthu.ubnd");
        int decisionsBefore = jdbc.queryForObject("select count(*) from decision where number_year = 2031", Integer.class);

        // A number already used this year: refused with a conflict, nothing written.
        ResponseEntity<String> used = api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("decisionNumber", String.valueOf(n), "signedOn", "2031-05-13", "signedScanId", String.valueOf(scan)));
        assertThat(used.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(used.getBody()).contains("Số " + n + "/QĐ-UBND năm 2031 đã được dùng");
        assertThat(scenario.task(second, "Task_RegisterDecision").getId()).isEqualTo(taskId);
        assertThat(jdbc.queryForObject("select count(*) from decision where number_year = 2031", Integer.class))
                .isEqualTo(decisionsBefore);
        assertThat(dossiers.record(dossier).status()).isEqualTo("ACCEPTED");

        // The signing date: not after today, not before the Chairman's approval; the scan is required and the văn thư's own PDF.
        assertThat(api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form", Map.of("decisionNumber",
                String.valueOf(n + 10), "signedOn", "2031-05-14", "signedScanId", String.valueOf(scan))).getBody())
                .contains("Ngày ký quyết định không được sau hôm nay");
        assertThat(api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form", Map.of("decisionNumber",
                String.valueOf(n + 10), "signedOn", "2031-05-12", "signedScanId", String.valueOf(scan))).getBody())
                .contains("không được trước ngày Chủ tịch UBND tỉnh phê duyệt (13/05/2031)");
        assertThat(api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form", Map.of("decisionNumber",
                String.valueOf(n + 10), "signedOn", "2031-05-13", "signedScanId", "")).getBody())
                .contains("Chưa đính kèm bản quét quyết định đã ký");
        assertThat(api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form", Map.of("decisionNumber",
                String.valueOf(n + 10), "signedOn", "2031-05-13", "signedScanId", String.valueOf(scenario.signedScan("bantdkt"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Only the form's fields: a value the form does not have is refused.
        assertThat(api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form", Map.of("decisionNumber",
                String.valueOf(n + 10), "signedOn", "2031-05-13", "signedScanId", String.valueOf(scan), "decisionCode", "1/QĐ-UBND"))
                .getStatusCode().is2xxSuccessful()).isFalse();

        // Another number, not yet used: accepted; the next proposal follows it.
        ResponseEntity<String> chosen = api.submitForm("vanthu.ubnd", "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("decisionNumber", String.valueOf(n + 10), "signedOn", "2031-05-13", "signedScanId", String.valueOf(scan)));
        assertThat(chosen.getStatusCode()).as(chosen.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(dossiers.record(dossier).status()).as("the completion records the registration only")
                .isEqualTo("ACCEPTED");
        assertThat(scenario.executeIssuingJob(second)).as("the decision issues in the session's job").isEqualTo(1);
        assertThat(views.view(second, scenario.user("kiemtoan")).decisionCode()).isEqualTo((n + 10) + "/QĐ-UBND");
        assertThat(dossiers.record(dossier).status()).isEqualTo("AWARDED");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> issued = api.as("bantdkt").getForObject("/api/decisions?year=2031", List.class);
        Map<String, Object> decision = issued.stream().filter(d -> ((n + 10) + "/QĐ-UBND").equals(d.get("code")))
                .findFirst().orElseThrow();
        assertThat(decision.get("signedOn")).isEqualTo("2031-05-13");
        assertThat(decision.get("registeredBy")).isEqualTo("vanthu.ubnd");
        assertThat(decision.get("issuedBy")).isEqualTo("chutich");
        assertThat(decision.get("scanUrl")).isEqualTo("/api/documents/" + scan + "/content");
        assertThat(api.as("chutich").getForEntity((String) decision.get("scanUrl"), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // The session's story (audit) shows the registration with the scan, and the scan among its documents.
        @SuppressWarnings("unchecked")
        Map<String, Object> story = api.as("kiemtoan").getForObject("/api/audit/cases/" + scenario.processOf(second), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) story.get("entries");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("title")).isEqualTo("Văn thư vào số quyết định " + (n + 10) + "/QĐ-UBND");
            assertThat(e.get("actorId")).isEqualTo("vanthu.ubnd");
            assertThat(e.get("link")).isEqualTo("/api/documents/" + scan + "/content");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("DOCUMENT");
            assertThat(e.get("link")).isEqualTo("/api/documents/" + scan + "/content");
        });
        assertThat(entries).allSatisfy(e -> assertThat(e.get("integrity")).isEqualTo("OK"));

        Long third = approvedSession("Phiên họp thứ ba 2031");
        assertThat(scenario.proposal(third).proposedNumber()).isEqualTo(n + 11);
        // A gap below the highest stays usable.
        scenario.register(third, String.valueOf(n + 5), LocalDate.of(2031, 5, 13), scenario.signedScan("vanthu.ubnd"));
        assertThat(views.view(third, scenario.user("kiemtoan")).decisionCode()).isEqualTo((n + 5) + "/QĐ-UBND");
        assertThat(scenario.proposal(third).proposedNumber()).isEqualTo(n + 11);
    }

    @Test
    void eachSessionAwaitingRegistrationHoldsItsOwnNumberAndIsRegisteredUnderExactlyIt() throws IOException {
        clockAt(LocalDateTime.of(2032, 4, 6, 9, 0));
        Long first = approvedSession("Phiên họp sáng 2032");
        Long second = approvedSession("Phiên họp chiều 2032");
        // Both forms are opened before either is sent: each session gets a number of its own.
        var firstForm = scenario.proposal(first);
        int n = firstForm.proposedNumber();
        assertThat(firstForm.reserved()).isTrue();
        assertThat(scenario.proposal(second).proposedNumber()).isEqualTo(n + 1);
        assertThat(scenario.proposal(first).proposedNumber()).as("opened again: the same number").isEqualTo(n);
        try (XWPFDocument draft = docx("vanthu.ubnd", "/api/council-sessions/" + second + "/decision-draft.docx")) {
            assertThat(cells(draft.getTables().get(0))).as("the draft shows the session's number")
                    .contains("Số: " + (n + 1) + "/QĐ-UBND");
        }

        // A number held for another session, typed by hand: refused, naming the next free number; nothing written.
        int decisionsBefore = decisionsOf(2032).size();
        String secondTask = scenario.task(second, "Task_RegisterDecision").getId();
        ResponseEntity<String> typed = api.submitForm("vanthu.ubnd", "/engine-rest/task/" + secondTask + "/submit-form",
                Map.of("decisionNumber", String.valueOf(n), "signedOn", "2032-04-06", "signedScanId",
                        String.valueOf(scenario.signedScan("vanthu.ubnd"))));
        assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(typed.getBody()).contains("Số " + n + "/QĐ-UBND năm 2032 đang được giữ cho một phiên họp khác")
                .contains("số tiếp theo còn trống: " + (n + 1) + "/QĐ-UBND");
        assertThat(decisionsOf(2032)).hasSize(decisionsBefore);
        assertThat(scenario.task(second, "Task_RegisterDecision").getId()).isEqualTo(secondTask);
        assertThat(scenario.proposal(second).proposedNumber()).isEqualTo(n + 1);

        // The second registers first, under its own number; the first then under exactly the number it was shown.
        scenario.register(second, String.valueOf(n + 1), LocalDate.of(2032, 4, 6), scenario.signedScan("vanthu.ubnd"));
        assertThat(views.view(second, scenario.user("kiemtoan")).decisionCode()).isEqualTo((n + 1) + "/QĐ-UBND");
        assertThat(scenario.proposal(first).proposedNumber()).as("still held").isEqualTo(n);
        scenario.register(first, String.valueOf(n), LocalDate.of(2032, 4, 6), scenario.signedScan("vanthu.ubnd"));
        assertThat(views.view(first, scenario.user("kiemtoan")).decisionCode()).isEqualTo(n + "/QĐ-UBND");
        assertThat(decisionsOf(2032)).containsSubsequence(n, n + 1).doesNotHaveDuplicates();

        // The next session gets the number right after, and a number already used is refused.
        Long third = approvedSession("Phiên họp tối 2032");
        assertThat(scenario.proposal(third).proposedNumber()).isEqualTo(n + 2);
        String thirdTask = scenario.task(third, "Task_RegisterDecision").getId();
        ResponseEntity<String> used = api.submitForm("vanthu.ubnd", "/engine-rest/task/" + thirdTask + "/submit-form",
                Map.of("decisionNumber", String.valueOf(n + 1), "signedOn", "2032-04-06", "signedScanId",
                        String.valueOf(scenario.signedScan("vanthu.ubnd"))));
        assertThat(used.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(used.getBody()).contains("đã được dùng").contains("số tiếp theo còn trống: " + (n + 2) + "/QĐ-UBND");
        scenario.register(third);
        assertThat(views.view(third, scenario.user("kiemtoan")).decisionCode()).isEqualTo((n + 2) + "/QĐ-UBND");
        List<Integer> numbers = decisionsOf(2032);
        assertThat(numbers.subList(numbers.indexOf(n), numbers.size())).containsExactly(n, n + 1, n + 2);
    }

    @Test
    void formsOpenedAtTheSameMomentReserveDifferentNumbersAndEachIsRegisteredUnderItsOwn() throws Exception {
        clockAt(LocalDateTime.of(2036, 9, 8, 9, 0));
        List<Long> sessions = List.of(approvedSession("Phiên họp A 2036"), approvedSession("Phiên họp B 2036"),
                approvedSession("Phiên họp C 2036"));
        int next = jdbc.queryForObject("select coalesce(max(number_value), 0) + 1 from (select number_value from decision where number_year = 2036"
                + " union all select number_value from award_annulment where number_year = 2036) x", Integer.class);
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> opened = new ArrayList<>();
        for (Long session : sessions) {
            opened.add(pool.submit(() -> {
                start.await();
                return scenario.proposal(session).proposedNumber();
            }));
        }
        start.countDown();
        List<Integer> reserved = new ArrayList<>();
        for (Future<Integer> form : opened) {
            reserved.add(form.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(reserved).doesNotHaveDuplicates();
        assertThat(reserved.stream().sorted().toList()).containsExactly(next, next + 1, next + 2);

        // Registered in the reverse order, each under exactly the number its form showed.
        for (int i = sessions.size() - 1; i >= 0; i--) {
            scenario.register(sessions.get(i), String.valueOf(reserved.get(i)), LocalDate.of(2036, 9, 8),
                    scenario.signedScan("vanthu.ubnd"));
            assertThat(views.view(sessions.get(i), scenario.user("kiemtoan")).decisionCode())
                    .isEqualTo(reserved.get(i) + "/QĐ-UBND");
        }
        // Other tests of the suite may have numbered 2036 before (then next > 1): only this test's numbers are checked.
        assertThat(decisionsOf(2036).stream().filter(number -> number >= next).toList())
                .containsExactly(next, next + 1, next + 2);
    }

    private List<Integer> decisionsOf(int year) {
        return jdbc.queryForList("select number_value from decision where number_year = ? order by number_value",
                Integer.class, year);
    }

    private Long approvedSession(String title) {
        Long dossier = scenario.acceptedCertificate("Vừ A Dính");
        Long sessionId = scenario.open(title, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ApiClient.VIETNAM),
                List.of(dossier));
        scenario.allVote(sessionId, List.of(dossier), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình."));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        return sessionId;
    }

    private XWPFDocument docx(String user, String path) throws IOException {
        ResponseEntity<byte[]> response = api.as(user).getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).contains("wordprocessingml");
        return new XWPFDocument(new ByteArrayInputStream(response.getBody()));
    }

    private static String text(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    private static List<String> cells(XWPFTable table) {
        return table.getRows().stream().flatMap(r -> r.getTableCells().stream())
                .flatMap(c -> c.getParagraphs().stream()).map(XWPFParagraph::getText).toList();
    }

    /** The annex table's rows after its header. */
    private static List<List<String>> annexRows(XWPFDocument doc) {
        XWPFTable annex = doc.getTables().get(doc.getTables().size() - 1);
        assertThat(annex.getRow(0).getCell(0).getText()).isEqualTo("STT");
        return annex.getRows().stream().skip(1)
                .map((XWPFTableRow r) -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList();
    }
}
