package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Tried as a hostile user would: a dossier's steps act on the dossier of their own case, whatever
 * the variables say, only by the person whose step it is, and only with the unit's own documents.
 */
@WorkflowTest
class DossierTrustTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierAppraisal appraisal;
    @Autowired DossierQueries queries;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @BeforeEach
    void clock() {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
    }

    private Long proposed(String unitCode, String name) {
        return scenario.propose(DossierScenario.officerOf(unitCode),
                scenario.individualCertificate(unitCode, name + " " + System.nanoTime() % 100000));
    }

    private static void assertRefused(Runnable step, HttpStatus status, String message) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void aHeadNamingAnotherUnitsDossierWithdrawsOnlyTheirOwn() {
        Long syt = proposed("SYT", "Lò Văn Sơn");
        Long stc = proposed("STC", "Cầm Thị Tâm");

        scenario.completeAs("lanhdao.stc", scenario.task(stc, "Task_HeadConfirm"),
                Map.of("dossierId", syt, "headDecision", "WITHDRAW", "headNote", "Rút hồ sơ."));

        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.AWAITING_HEAD);
        assertThat(scenario.task(syt, "Task_HeadConfirm")).as("the other unit's head still decides").isNotNull();
        assertThat(queries.record(syt).history()).extracting(DossierQueries.StatusChange::status)
                .containsExactly("AWAITING_HEAD");
        assertThat(scenario.dossier(stc).getStatus()).isEqualTo(DossierStatus.WITHDRAWN);
    }

    @Test
    void onlyAHeadOfTheProposingUnitConfirmsAndOnlyWhileTheDossierAwaitsTheHead() {
        Long syt = proposed("SYT", "Lò Thị Xuân");

        assertRefused(() -> appraisal.confirmByHead(syt, "WITHDRAW", "Rút.", scenario.user("lanhdao.stc")),
                HttpStatus.FORBIDDEN, "Chỉ thủ trưởng đơn vị trình hồ sơ");
        assertRefused(() -> appraisal.confirmByHead(syt, "CONFIRM", null, scenario.user("canbo.syt")),
                HttpStatus.FORBIDDEN, "Chỉ thủ trưởng đơn vị trình hồ sơ");
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.AWAITING_HEAD);

        scenario.confirmByHead(syt, "lanhdao.syt");
        assertRefused(() -> appraisal.confirmByHead(syt, "WITHDRAW", "Rút.", scenario.user("lanhdao.syt")),
                HttpStatus.CONFLICT, "đang thẩm định");
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);
    }

    @Test
    void theBoardNamingAnotherDossierAppraisesOnlyTheCasesOwn() {
        Long first = proposed("SYT", "Quàng Thị Hiền");
        Long second = proposed("SYT", "Lường Văn Nam");
        scenario.confirmByHead(first, "lanhdao.syt");
        scenario.confirmByHead(second, "lanhdao.syt");

        scenario.completeAs("bantdkt", scenario.task(first, "Task_Appraise"), Map.of("dossierId", second,
                "appraisalDecision", "RETURN", "appraisalReason", "Bổ sung biên bản."));

        assertThat(scenario.dossier(first).getStatus()).isEqualTo(DossierStatus.RETURNED);
        assertThat(scenario.dossier(second).getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);
        assertThat(scenario.task(second, "Task_Appraise")).isNotNull();
    }

    @Test
    void onlyTheBoardAppraisesEvenAnAdministratorWhoMayCompleteAnyTask() {
        Long syt = proposed("SYT", "Tòng Thị Lan");
        scenario.confirmByHead(syt, "lanhdao.syt");

        assertRefused(() -> scenario.completeAs("admin", scenario.task(syt, "Task_Appraise"),
                Map.of("appraisalDecision", "REJECT", "appraisalReason", "Không đủ điều kiện.")),
                HttpStatus.FORBIDDEN, "Chỉ Ban Thi đua – Khen thưởng");

        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);
        assertThat(scenario.task(syt, "Task_Appraise")).isNotNull();
    }

    @Test
    void aSupplementIsSentOnlyByTheProposingUnitWithItsOwnExistingDocuments() {
        Long syt = proposed("SYT", "Vì Thị Hoa");
        scenario.confirmByHead(syt, "lanhdao.syt");
        scenario.appraise(syt, "RETURN", "Bổ sung báo cáo thành tích có xác nhận.");
        var supplement = scenario.task(syt, "Task_Supplement");
        Map<DocumentType, Long> documentsBefore = Map.copyOf(scenario.dossier(syt).getDocuments());

        Long otherUnitsReport = scenario.upload("canbo.stc", "bao-cao-cua-so-tai-chinh.pdf");
        assertRefused(() -> scenario.completeAs("canbo.syt", supplement,
                Map.of("supplementDocuments", "BAO_CAO_THANH_TICH=" + otherUnitsReport)),
                HttpStatus.FORBIDDEN, "Chỉ đính kèm được văn bản do chính đơn vị mình tải lên");
        assertRefused(() -> scenario.completeAs("canbo.syt", supplement,
                Map.of("supplementDocuments", "BAO_CAO_THANH_TICH=987654321")),
                HttpStatus.NOT_FOUND, "Không tìm thấy văn bản số 987654321");
        assertRefused(() -> scenario.completeAs("canbo.syt", supplement,
                Map.of("supplementDocuments", "BAO_CAO_THANH_TICH=mot-tram")),
                HttpStatus.BAD_REQUEST, "Văn bản bổ sung không hợp lệ");
        Long ownReport = scenario.upload("canbo.syt", "bao-cao-co-xac-nhan.pdf");
        assertRefused(() -> appraisal.resubmit(syt, Map.of(DocumentType.BAO_CAO_THANH_TICH, ownReport), null,
                scenario.user("canbo.stc")), HttpStatus.FORBIDDEN, "chỉ bổ sung được hồ sơ do đơn vị mình trình");

        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.RETURNED);
        assertThat(scenario.dossier(syt).getDocuments()).isEqualTo(documentsBefore);
        assertThat(scenario.task(syt, "Task_Supplement")).isNotNull();

        scenario.completeAs("canbo.syt", supplement, Map.of("supplementDocuments", "BAO_CAO_THANH_TICH=" + ownReport));
        assertThat(scenario.dossier(syt).getDocuments()).containsEntry(DocumentType.BAO_CAO_THANH_TICH, ownReport);
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);
    }

    @Test
    void onlyTheBoardsLeadershipDirectsAnOverdueDossier() {
        Long syt = proposed("SYT", "Hà Văn Minh");
        scenario.confirmByHead(syt, "lanhdao.syt");

        assertRefused(() -> appraisal.recordOverdueHandling(syt, "Chỉ đạo.", scenario.user("bantdkt")),
                HttpStatus.FORBIDDEN, "Chỉ lãnh đạo Ban");
        assertRefused(() -> appraisal.recordOverdueHandling(syt, "x".repeat(3900), scenario.user("truongban.tdkt")),
                HttpStatus.BAD_REQUEST, "dài quá");
        assertThat(queries.record(syt).history()).hasSize(2);
    }

    @Test
    void aCaseStartedByHandAtTheHeadsStepNamingAnotherUnitsDossierCannotReachIt() {
        Long syt = proposed("SYT", "Điêu Thị Mai");

        identityService.setAuthentication("canbo.stc", scenario.user("canbo.stc").groupIds());
        String forged;
        try {
            forged = runtimeService.createProcessInstanceByKey("award-dossier")
                    .setVariables(Map.of("dossierId", syt, "proposingUnitHeads", "thutruong.stc", "nomineeName", "Giả mạo"))
                    .startBeforeActivity("Task_HeadConfirm").execute().getId();
        } finally {
            identityService.clearAuthentication();
        }
        var forgedTask = taskService.createTaskQuery().processInstanceId(forged).singleResult();

        assertRefused(() -> scenario.completeAs("lanhdao.stc", forgedTask,
                Map.of("headDecision", "WITHDRAW", "headNote", "Rút hồ sơ.")),
                HttpStatus.NOT_FOUND, "Không tìm thấy hồ sơ đề nghị khen thưởng của hồ sơ công việc này");
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.AWAITING_HEAD);
        assertThat(scenario.dossier(syt).getProcessInstanceId()).isNotEqualTo(forged);
    }

    @Test
    void aCaseStartedNamingAnExistingDossierGoesThroughTheProposalCheckAndIsRefused() {
        Long syt = proposed("SYT", "Lò Văn Thắng");
        long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count();

        identityService.setAuthentication("canbo.stc", scenario.user("canbo.stc").groupIds());
        try {
            assertRefused(() -> runtimeService.startProcessInstanceByKey("award-dossier", Map.of("dossierId", syt)),
                    HttpStatus.BAD_REQUEST, "Hồ sơ đề nghị khen thưởng chưa hợp lệ");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count())
                .isEqualTo(cases);
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.AWAITING_HEAD);
    }

    @Test
    void aDecisionNamingAnUnknownOrEmptyDossierIsRefusedBeforeAnyCaseMoves(@Autowired DossierDecisions decisions) {
        Long syt = proposed("SYT", "Cà Văn Phúc");
        scenario.confirmByHead(syt, "lanhdao.syt");
        scenario.appraise(syt, "ACCEPT", null);

        assertRefused(() -> decisions.decide(List.of(syt), Map.of(987654321L, "Không đủ phiếu."),
                java.time.LocalDate.of(2024, 2, 1), "Chủ tịch UBND tỉnh", "chutich"),
                HttpStatus.NOT_FOUND, "Không tìm thấy hồ sơ số 987654321");
        assertRefused(() -> decisions.decide(java.util.Arrays.asList(syt, null), Map.of(),
                java.time.LocalDate.of(2024, 2, 1), "Chủ tịch UBND tỉnh", "chutich"),
                HttpStatus.BAD_REQUEST, "để trống");
        assertThat(scenario.dossier(syt).getStatus()).isEqualTo(DossierStatus.ACCEPTED);
    }
}
