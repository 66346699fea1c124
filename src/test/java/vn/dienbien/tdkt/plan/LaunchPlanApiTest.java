package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;

/** The progress board, documents and campaigns through our REST API. */
@WorkflowTest
class LaunchPlanApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired LaunchPlanScenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBoardReadsProgressAsJsonAndCsvWithCountsPerStatus() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        scenario.clockAt(LocalDateTime.of(2031, 3, 5, 9, 0));
        scenario.sendPlan("canbo.syt", scenario.task(scenario.caseOf(campaign, "SYT"), "Task_SubmitPlan"), "25/KH-SYT");
        scenario.clockAt(LocalDateTime.of(2031, 4, 2, 9, 0));
        scenario.sendPlan("canbo.stc", scenario.task(scenario.caseOf(campaign, "STC"), "Task_SubmitPlan"), "30/KH-STC");

        var json = rest.withBasicAuth("bantdkt", "demo")
                .getForEntity("/api/campaigns/" + campaign.getId() + "/launch-plan-progress", Map.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) json.getBody().get("countsByLabel"))
                .containsEntry("chưa gửi", 44).containsEntry("gửi đúng hạn", 1).containsEntry("gửi muộn", 1)
                .containsEntry("bị trả lại", 0).containsEntry("đã tiếp nhận", 0);
        assertThat((List<?>) json.getBody().get("rows")).hasSize(46);

        var csv = rest.withBasicAuth("kiemtoan", "demo")
                .getForEntity("/api/campaigns/" + campaign.getId() + "/launch-plan-progress.csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"SYT\",\"Sở Y tế\"").contains("\"gửi đúng hạn\",\"25/KH-SYT\"")
                .contains("\"STC\",\"Sở Tài chính\"").contains("\"gửi muộn\"").contains("\"chưa gửi\",44");
    }

    @Test
    void aUnitOfficerMayNotReadTheBoardAndAnonymousCallersAreAskedToLogIn() {
        Campaign campaign = scenario.openCampaign(List.of());
        var forbidden = rest.withBasicAuth("canbo.syt", "demo")
                .getForEntity("/api/campaigns/" + campaign.getId() + "/launch-plan-progress", Map.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getBody().get("message").toString()).contains("Bảng tiến độ");
        assertThat(rest.getForEntity("/api/campaigns", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDocumentIsUploadedAndDownloadedOnlyByThoseEntitled() {
        var upload = rest.withBasicAuth("canbo.snv", "demo")
                .postForEntity("/api/documents", multipart("kế-hoạch-SNV.pdf", "%PDF-1.4 nội dung"), Map.class);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String url = (String) upload.getBody().get("downloadUrl");

        var own = rest.withBasicAuth("lanhdao.snv", "demo").getForEntity(url, byte[].class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(own.getBody(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 nội dung");
        assertThat(own.getHeaders().getContentDisposition().getFilename()).isEqualTo("kế-hoạch-SNV.pdf");
        assertThat(rest.withBasicAuth("bantdkt", "demo").getForEntity(url, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("canbo.stc", "demo").getForEntity(url, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFileOfAnUnacceptedTypeIsRefusedWithAVietnameseMessage() {
        var upload = rest.withBasicAuth("canbo.snv", "demo")
                .postForEntity("/api/documents", multipart("virus.exe", "MZ"), Map.class);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().get("message").toString()).contains("không được chấp nhận");
    }

    @Test
    void aNewCampaignIsDeclaredAsDataAndBadInputIsExplained() {
        var bad = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns",
                Map.of("code", "", "periodStartYear", 2026, "periodEndYear", 2025), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("message").toString()).contains("thiếu số hiệu kế hoạch")
                .contains("năm kết thúc giai đoạn phải không sớm hơn năm bắt đầu");

        var created = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns", Map.of(
                "code", "TEST-API-" + System.nanoTime() + "/KH-UBND", "title", "Phong trào thi đua giai đoạn 2026–2030",
                "issuedOn", "2026-02-10", "periodStartYear", 2026, "periodEndYear", 2030,
                "launchPlanDueBefore", "2026-03-31T00:00", "reminderDaysBefore", List.of(15, 5)), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("launchPlanDeadline", "2026-03-30T17:00:00Z")
                .containsEntry("midTermReviewYear", 2028).containsEntry("status", "DRAFT");
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String fileName, String content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}
