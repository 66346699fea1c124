package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * /api/council-sessions as its readers and a hostile client use it: votes stay secret until the
 * voting closes (issue 7, defect 4), bad requests get a Vietnamese 4xx (defect 9).
 */
@WorkflowTest
class CouncilApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionRepository sessionRecords;

    @Test
    @SuppressWarnings("unchecked")
    void untilVotingClosesAMemberSeesOnlyTheirOwnBallotAndTheStandingBodyOnlyWhoHasVoted() {
        Long a = scenario.acceptedCertificate("Lường Văn Biên");
        Long sessionId = scenario.open("Phiên họp bỏ phiếu kín", LocalDate.now(), List.of(a));
        scenario.vote(sessionId, "hoidong1", "hoidong1", scenario.ballot(Map.of(a, "NO"), Map.of(a, "Chưa đủ thành tích."), List.of()));
        scenario.vote(sessionId, "hoidong5", "thuongtruc.hd", scenario.ballot(List.of(a), "YES")); // written vote

        Map<String, Object> own = read("hoidong1", sessionId);
        assertThat(own).containsEntry("votingOpen", true).containsEntry("votedMembers", null);
        assertThat(votes(own)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("memberId", "hoidong1").containsEntry("vote", "NO")
                    .containsEntry("comment", "Chưa đủ thành tích.");
        });
        assertThat(votes(read("hoidong2", sessionId))).as("a member who has not voted sees no vote").isEmpty();
        assertThat(read("hoidong2", sessionId).get("votedMembers")).isNull();

        Map<String, Object> standing = read("thuongtruc.hd", sessionId);
        assertThat((List<Object>) standing.get("votedMembers")).containsExactly("hoidong1", "hoidong5");
        assertThat(votes(standing)).as("the secretary sees the written vote they recorded, nobody else's")
                .extracting(v -> v.get("memberId")).containsExactly("hoidong5");

        for (String reader : List.of("chutich", "bantdkt", "kiemtoan", "mttq.giamsat")) {
            Map<String, Object> view = read(reader, sessionId);
            assertThat(votes(view)).as(reader).isEmpty();
            assertThat(view.get("votedMembers")).as(reader).isNull();
            assertThat(view.get("tallySummary")).as(reader).isNull();
        }

        for (String member : List.of("chutich", "hoidong2", "hoidong3", "hoidong4", "thuongtruc.hd")) {
            scenario.vote(sessionId, member, member, scenario.ballot(List.of(a), "YES"));
        }
        scenario.executeJobs(sessionId);

        for (String reader : List.of("hoidong2", "chutich", "bantdkt", "kiemtoan", "mttq.giamsat")) {
            Map<String, Object> closed = read(reader, sessionId);
            assertThat(closed).as(reader).containsEntry("votingOpen", false);
            assertThat(votes(closed)).as(reader).hasSize(7)
                    .anySatisfy(v -> assertThat(v).containsEntry("memberId", "hoidong1").containsEntry("vote", "NO"));
            assertThat((List<Object>) closed.get("votedMembers")).as(reader).hasSize(7);
            assertThat((String) closed.get("tallySummary")).as(reader).contains("6/7 đồng ý — đạt");
        }
    }

    @Test
    void aUnitOfficerReadsNoSessionAndUnknownSessionsAreNotFound() {
        Long a = scenario.acceptedCertificate("Cà Văn Thỏa");
        Long sessionId = scenario.open("Phiên họp không dành cho đơn vị", LocalDate.now(), List.of(a));

        assertRefused(rest.withBasicAuth("canbo.syt", "demo").getForEntity("/api/council-sessions/" + sessionId, Map.class),
                HttpStatus.FORBIDDEN, "Phiên họp Hội đồng dành cho");
        assertRefused(rest.withBasicAuth("kiemtoan", "demo").getForEntity("/api/council-sessions/987654321", Map.class),
                HttpStatus.NOT_FOUND, "Không có phiên họp số 987654321");
    }

    @Test
    void malformedRequestsToOpenASessionGetAVietnameseMessageAndOpenNothing() {
        Long a = scenario.acceptedCertificate("Mào Văn Chiến");
        long before = sessionRecords.count();
        String today = LocalDate.now().toString();

        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", Arrays.asList(a, null))),
                HttpStatus.BAD_REQUEST, "số hồ sơ không được để trống");
        assertRefused(open(Map.of("title", "x".repeat(501), "meetingDate", today, "dossierIds", List.of(a))),
                HttpStatus.BAD_REQUEST, "tên phiên họp tối đa 500 ký tự");
        assertRefused(open(Map.of("title", " ", "meetingDate", today, "dossierIds", List.of(a))),
                HttpStatus.BAD_REQUEST, "chưa nhập tên phiên họp");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", List.of())),
                HttpStatus.BAD_REQUEST, "phiên họp phải có ít nhất một hồ sơ");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", List.of(-5))),
                HttpStatus.BAD_REQUEST, "số hồ sơ phải là số dương");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", "ngày mai", "dossierIds", List.of(a))),
                HttpStatus.BAD_REQUEST, "không đọc được");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", List.of("99999999999999999999"))),
                HttpStatus.BAD_REQUEST, "không đọc được");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", "9999-01-01", "dossierIds", List.of(a))),
                HttpStatus.BAD_REQUEST, "ngày họp phải trong vòng một năm");
        assertRefused(open(Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", List.of(987654321L))),
                HttpStatus.BAD_REQUEST, "không có hồ sơ số 987654321");
        Map<String, Object> body = new HashMap<>(Map.of("title", "Phiên họp", "meetingDate", today));
        body.put("dossierIds", java.util.stream.LongStream.rangeClosed(1, 201).boxed().toList());
        assertRefused(open(body), HttpStatus.BAD_REQUEST, "tối đa 200 hồ sơ");
        assertRefused(rest.withBasicAuth("canbo.syt", "demo").postForEntity("/api/council-sessions",
                Map.of("title", "Phiên họp", "meetingDate", today, "dossierIds", List.of(a)), Map.class),
                HttpStatus.FORBIDDEN, "Chỉ Ban Thi đua");

        assertThat(sessionRecords.count()).isEqualTo(before);
        var opened = open(Map.of("title", "Phiên họp hợp lệ", "meetingDate", today, "dossierIds", List.of(a)));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<Map> open(Map<String, Object> body) {
        return rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/council-sessions", body, Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String user, Long sessionId) {
        var response = rest.withBasicAuth(user, "demo").getForEntity("/api/council-sessions/" + sessionId, Map.class);
        assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> votes(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("votes");
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody().get("message").toString()).contains(message);
    }
}
