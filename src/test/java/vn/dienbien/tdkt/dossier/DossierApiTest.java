package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private void assertRefused(Map<String, Object> body, String... expected) {
        var response = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", body, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains(expected);
    }
}
