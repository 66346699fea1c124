package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;

/** Reporting rounds through our REST API: declared by the Board only, listed, and their progress board. */
@WorkflowTest
class ReportingRoundApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired LaunchPlanScenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBoardDeclaresASixMonthReportAndReadsItsProgress() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ClockUtil.reset(); // the API runs on today's clock: a due date in 2031 lies ahead

        var created = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", campaign.getId(), "kind", "SIX_MONTH_REPORT", "periodYear", 2031), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("kind", "SIX_MONTH_REPORT").containsEntry("dueDate", "2031-06-15")
                .containsEntry("dueAt", "2031-06-15T17:00:00Z").containsEntry("status", "OPEN")
                .containsEntry("title", "Báo cáo sơ kết thi đua 6 tháng đầu năm 2031").containsEntry("declaredBy", "bantdkt");
        long roundId = ((Number) created.getBody().get("id")).longValue();

        var list = rest.withBasicAuth("canbo.syt", "demo")
                .getForEntity("/api/reporting-rounds?campaignId=" + campaign.getId(), List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) list.getBody()).extracting(m -> m.get("kind"))
                .containsExactly("LAUNCH_PLAN", "SIX_MONTH_REPORT");

        var board = rest.withBasicAuth("kiemtoan", "demo")
                .getForEntity("/api/reporting-rounds/" + roundId + "/progress", Map.class);
        assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(board.getBody()).containsEntry("roundKind", "SIX_MONTH_REPORT").containsEntry("units", 46);
        assertThat((Map<String, Object>) board.getBody().get("countsByLabel")).containsEntry("chưa gửi", 46);
        var csv = rest.withBasicAuth("bantdkt", "demo")
                .getForEntity("/api/reporting-rounds/" + roundId + "/progress.csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("\"SYT\",\"Sở Y tế\"")
                .contains("\"chưa gửi\",46");

        // Auditors find the unit's report case beside its launch plan, named after the round.
        var audit = rest.withBasicAuth("kiemtoan", "demo").getForEntity("/api/audit/cases?campaign="
                + campaign.getCode() + "&kind=LAUNCH_PLAN&unit=SYT&year=2031&size=10", Map.class);
        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) audit.getBody().get("items")).extracting(i -> i.get("title"))
                .containsExactlyInAnyOrder("Kế hoạch phát động – Sở Y tế (đợt " + campaign.getCode() + ")",
                        "Báo cáo sơ kết thi đua 6 tháng đầu năm 2031 – Sở Y tế (đợt " + campaign.getCode() + ")");

        var again = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", campaign.getId(), "kind", "SIX_MONTH_REPORT", "periodYear", 2031), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").toString()).contains("đã có đợt báo cáo sơ kết");
    }

    @Test
    void onlyTheBoardDeclaresRoundsAndUnitsMayNotReadTheBoard() {
        Campaign campaign = scenario.openCampaign(List.of());
        ClockUtil.reset();
        Map<String, Object> body = Map.of("campaignId", campaign.getId(), "kind", "YEARLY_REPORT", "periodYear", 2031);
        for (String user : List.of("canbo.syt", "lanhdao.syt", "chutich", "thuongtruc.hd", "admin", "kiemtoan")) {
            var refused = rest.withBasicAuth(user, "demo").postForEntity("/api/reporting-rounds", body, Map.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("message").toString()).as(user).isNotBlank();
        }
        assertThat(rest.withBasicAuth("canbo.syt", "demo").postForEntity("/api/reporting-rounds", body, Map.class)
                .getBody().get("message").toString()).contains("Chỉ Ban Thi đua – Khen thưởng được khai báo đợt báo cáo");
        assertThat(rest.postForEntity("/api/reporting-rounds", body, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        Long launchRound = ((Number) ((Map<?, ?>) rest.withBasicAuth("bantdkt", "demo")
                .getForEntity("/api/reporting-rounds?campaignId=" + campaign.getId(), List.class).getBody().get(0))
                .get("id")).longValue();
        var forbidden = rest.withBasicAuth("canbo.syt", "demo")
                .getForEntity("/api/reporting-rounds/" + launchRound + "/progress", Map.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getBody().get("message").toString()).contains("Bảng tiến độ");
    }

    @Test
    void badDeclarationsAreExplainedInVietnamese() {
        Campaign campaign = scenario.openCampaign(List.of());
        ClockUtil.reset();

        var bad = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", campaign.getId(), "kind", "MONTHLY", "dueDate", "30/06/2031"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("message").toString()).contains("loại báo cáo không hợp lệ")
                .contains("hạn gửi không đúng định dạng (yyyy-MM-dd)");

        var past = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", campaign.getId(), "kind", "OTHER", "periodYear", 2031, "dueDate", "2020-01-01"), Map.class);
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody().get("message").toString()).contains("báo cáo khác phải có tên")
                .contains("hạn gửi phải sau ngày hôm nay");

        var noCampaign = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", 987654321, "kind", "YEARLY_REPORT"), Map.class);
        assertThat(noCampaign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noCampaign.getBody().get("message").toString()).contains("Không tìm thấy đợt thi đua");

        var unknownRound = rest.withBasicAuth("bantdkt", "demo")
                .postForEntity("/api/reporting-rounds/987654321/close", null, Map.class);
        assertThat(unknownRound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownRound.getBody().get("message").toString()).contains("Không tìm thấy đợt báo cáo");

        var draft = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns", Map.of(
                "code", "BC-NHAP-" + System.nanoTime() + "/KH-UBND", "title", "Đợt chưa mở", "issuedOn", "2031-02-09",
                "periodStartYear", 2031, "periodEndYear", 2035, "launchPlanDueBefore", "2031-03-30T00:00"), Map.class);
        var notOpen = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", draft.getBody().get("id"), "kind", "YEARLY_REPORT", "periodYear", 2031), Map.class);
        assertThat(notOpen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notOpen.getBody().get("message").toString()).contains("chưa mở");
    }
}
