package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/** Proposals through REST: malformed ones get a Vietnamese 400 and leave nothing behind. */
@WorkflowTest
class DossierApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired DossierScenario scenario;
    @Autowired DossierRepository dossiers;
    @Autowired RuntimeService runtimeService;

    private Map<String, Object> certificate(Map<String, Long> documents) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignCode", "383/KH-UBND");
        body.put("year", 2023);
        body.put("awardCode", "CERTIFICATE");
        body.put("nomineeKind", "INDIVIDUAL");
        body.put("nominee", Map.of("fullName", "Giàng A Páo", "gender", "Nam", "birthYear", 1975,
                "position", "Trưởng bản", "workUnit", "Bản Huổi Lếch, xã Nà Hỳ", "directWorker", true));
        body.put("achievementSummary", "Vận động nhân dân trồng rừng, giảm nghèo bền vững.");
        body.put("facts", Map.of("excellentYears", List.of(2022, 2023), "recognisedInitiatives", 2));
        body.put("documents", documents);
        return body;
    }

    @Test
    void aWellFormedProposalIsAcceptedAndStartsItsCase() {
        var docs = scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG");
        var response = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", certificate(docs), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("status", "AWAITING_HEAD");
        var record = rest.withBasicAuth("bantdkt", "demo")
                .getForEntity("/api/dossiers/" + response.getBody().get("id"), Map.class);
        assertThat(record.getBody()).containsEntry("proposingUnitCode", "NAMPO").containsEntry("directWorker", true);
    }

    @Test
    void aProposalSentAgainWithItsIdempotencyKeyReturnsTheFirstDossierAndStartsNoSecondCase() {
        var docs = scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG");
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("Idempotency-Key", "nampo-" + System.nanoTime());
        var request = new org.springframework.http.HttpEntity<>(certificate(docs), headers);
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count();

        var first = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", request, Map.class);
        var again = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", request, Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).as("the replay answers with the dossier already made").isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("id", first.getBody().get("id"))
                .containsEntry("processInstanceId", first.getBody().get("processInstanceId"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count())
                .isEqualTo(casesBefore + 1);

        // Another official's key of the same text is another request.
        var othersDocs = scenario.documentsFor("canbo.syt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG");
        var other = rest.withBasicAuth("canbo.syt", "demo").postForEntity("/api/dossiers",
                new org.springframework.http.HttpEntity<>(certificate(othersDocs), headers), Map.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));

        headers.set("Idempotency-Key", "khoa co khoang trang");
        var bad = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers",
                new org.springframework.http.HttpEntity<>(certificate(docs), headers), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("message")).contains("Mã yêu cầu (Idempotency-Key)");
    }

    @Test
    void malformedProposalsGetAVietnameseMessageAndLeaveNothingBehind() {
        long dossiersBefore = dossiers.count();
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count();

        var missingDocs = certificate(scenario.documentsFor("canbo.nampo", "TO_TRINH"));
        assertRefused(missingDocs, "thiếu thành phần hồ sơ", "Báo cáo thành tích",
                "Biên bản họp Hội đồng thi đua – khen thưởng");

        var unknownUnit = certificate(scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
        unknownUnit.put("proposingUnitCode", "KHONGCO");
        assertRefused(unknownUnit, "không có đơn vị trình mã \"KHONGCO\"");

        var flagForPerson = certificate(scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_KHOI"));
        flagForPerson.put("awardCode", "FLAG");
        assertRefused(flagForPerson, "Cờ thi đua của UBND tỉnh không tặng cho cá nhân");

        assertThat(dossiers.count()).isEqualTo(dossiersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count())
                .isEqualTo(casesBefore);
    }

    @Test
    void badValuesAreRefusedAtTheBoundaryWithAVietnameseMessageAndStoreNothing() {
        long dossiersBefore = dossiers.count();
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count();
        Map<String, Consumer<Map<String, Object>>> badValues = new java.util.LinkedHashMap<>();
        badValues.put("không được để trống", body -> body.put("facts", Map.of("excellentYears", Arrays.asList(2022, null))));
        badValues.put("nhiều nhất 20 năm", body -> body.put("facts",
                Map.of("excellentYears", java.util.Collections.nCopies(21, 2022))));
        badValues.put("năm hoàn thành xuất sắc nhiệm vụ phải từ 2000 đến 2100",
                body -> body.put("facts", Map.of("excellentYears", List.of(20222))));
        badValues.put("năm xét khen thưởng phải từ 2000 đến 2100", body -> body.put("year", 99999));
        badValues.put("số sáng kiến không được âm", body -> body.put("facts", Map.of("recognisedInitiatives", -1)));
        badValues.put("họ và tên dài quá 255 ký tự", body -> nominee(body, "fullName", "Giàng ".repeat(60)));
        badValues.put("chức vụ dài quá 255 ký tự", body -> nominee(body, "position", "x".repeat(256)));
        badValues.put("năm sinh phải từ 1900 đến 2100", body -> nominee(body, "birthYear", 19750));
        badValues.put("giới tính dài quá 8 ký tự", body -> nominee(body, "gender", "Không xác định"));
        badValues.put("mã cụm/khối chỉ gồm chữ, số", body -> nominee(body, "ledGroupCode", "KHOI\"><script>"));
        badValues.put("tóm tắt thành tích dài quá 4000 ký tự", body -> body.put("achievementSummary", "a".repeat(4001)));
        badValues.put("mã đợt thi đua dài quá 64 ký tự", body -> body.put("campaignCode", "K".repeat(65)));
        badValues.put("mã đơn vị trình chỉ gồm chữ, số", body -> body.put("proposingUnitCode", "NAMPO'; drop table dossier"));
        badValues.put("thiếu số văn bản đính kèm", body -> {
            Map<String, Long> docs = new HashMap<>((Map<String, Long>) body.get("documents"));
            docs.put("TO_TRINH", null);
            body.put("documents", docs);
        });
        badValues.put("Nội dung yêu cầu không đọc được", body -> body.put("year", "2023abc"));

        badValues.forEach((expected, change) -> {
            var body = certificate(scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
            change.accept(body);
            assertRefused(body, expected);
        });

        assertThat(dossiers.count()).isEqualTo(dossiersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER).count())
                .isEqualTo(casesBefore);
    }

    @Test
    void anotherUnitsDocumentCannotBeAttachedToAProposal() {
        long dossiersBefore = dossiers.count();
        var docs = new HashMap<>(scenario.documentsFor("canbo.nampo", "TO_TRINH", "BAO_CAO_THANH_TICH"));
        docs.put("BIEN_BAN_HOI_DONG", scenario.upload("canbo.syt", "bien-ban-cua-so-y-te.pdf"));

        var response = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", certificate(docs), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("message").toString())
                .contains("Chỉ đính kèm được văn bản do chính đơn vị mình tải lên");
        assertThat(dossiers.count()).isEqualTo(dossiersBefore);
    }

    @Test
    void unknownIdsAreNotFoundInVietnamese() {
        for (String url : List.of("/api/dossiers/987654321", "/api/launch-plans/987654321",
                "/api/campaigns/987654321/launch-plan-progress", "/api/campaigns/987654321/launch-plan-progress.csv")) {
            var response = rest.withBasicAuth("bantdkt", "demo").getForEntity(url, Map.class);
            assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody().get("message").toString()).as(url).startsWith("Không tìm thấy");
        }
    }

    @SuppressWarnings("unchecked")
    private static void nominee(Map<String, Object> body, String field, Object value) {
        Map<String, Object> nominee = new HashMap<>((Map<String, Object>) body.get("nominee"));
        nominee.put(field, value);
        body.put("nominee", nominee);
    }

    private void assertRefused(Map<String, Object> body, String... expected) {
        var response = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", body, Map.class);
        assertThat(response.getStatusCode()).as(String.join(", ", expected)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains(expected);
    }
}
