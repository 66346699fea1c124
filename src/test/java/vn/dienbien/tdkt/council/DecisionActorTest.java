package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;

/**
 * Issue 8, item 6: the dossier's history names the person who decided, not a group. After the
 * Chairman's approval the AWARDED entry (and the NOT_AWARDED entry of a dossier the Chairman left
 * out) names the Chairman's user id, carried from the decision record.
 */
@WorkflowTest
class DecisionActorTest {

    @Autowired CouncilScenario scenario;
    @Autowired DossierQueries dossiers;
    @Autowired IdentityService identityService;

    @Test
    void theDossierHistoryNamesTheChairmanWhoApprovedNeverAGroup() {
        clockAt(LocalDateTime.of(2024, 3, 12, 9, 0));
        Long a = scenario.acceptedCertificate("Lò Văn Hùng");
        Long b = scenario.acceptedCertificate("Cà Thị Xuân");
        Long sessionId = scenario.open("Phiên họp tháng 3/2024", LocalDate.of(2024, 3, 20), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Trình 2 hồ sơ."));
        Map<String, Object> some = new HashMap<>();
        some.put("chairmanDecision", "APPROVE_SOME");
        some.put("excludedDossiers", b + ": Cần xác minh thêm thành tích.");
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), some);
        scenario.register(sessionId);

        var awarded = dossiers.record(a);
        assertThat(awarded.status()).isEqualTo("AWARDED");
        assertThat(awarded.history()).filteredOn(h -> h.status().equals("AWARDED")).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo("chutich"));
        var left = dossiers.record(b);
        assertThat(left.status()).isEqualTo("NOT_AWARDED");
        assertThat(left.history()).filteredOn(h -> h.status().equals("NOT_AWARDED")).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo("chutich"));
        for (var record : List.of(awarded, left)) {
            assertThat(record.history()).allSatisfy(h -> {
                assertThat(identityService.createGroupQuery().groupId(h.actor()).count())
                        .as("%s is a person, not a group", h.actor()).isZero();
                assertThat(identityService.createUserQuery().userId(h.actor()).count())
                        .as("%s is a user", h.actor()).isEqualTo(1);
            });
        }
    }
}
