package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.dienbien.tdkt.council.CouncilScenario.refusalOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Nobody votes in another member's name, no completion chooses another session, each step is
 * taken only by its role and in its status (issue 7, defect 1).
 */
@WorkflowTest
class CouncilTrustTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessions sessions;
    @Autowired CouncilBallots ballots;
    @Autowired CouncilSessionViews views;
    @Autowired CouncilVoteRepository votes;
    @Autowired CouncilSessionRepository sessionRecords;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;

    @AfterEach
    void reset() {
        identityService.clearAuthentication();
    }

    @Test
    void aMemberWhoNamesAnotherMemberOnTheirBallotIsRefusedAndTheOtherMemberStillVotes() {
        Long a = scenario.acceptedCertificate("Quàng Văn Tươi");
        Long sessionId = scenario.open("Phiên họp kiểm tra phiếu", LocalDate.now(), List.of(a));
        var own = scenario.ballotTask(sessionId, "hoidong1");

        var forged = CouncilScenario.formSubmission(scenario.ballot(List.of(a), "NO")).putValue("member", "hoidong2");
        ApiException refused = refusalOf(() -> scenario.completeAs("hoidong1", own, forged));

        assertThat(refused).hasMessageContaining("không được ghi phiếu thay thành viên khác");
        assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).isEmpty();
        assertThat(taskService.getVariable(own.getId(), "member")).isEqualTo("hoidong1");

        scenario.vote(sessionId, "hoidong2", "hoidong2", scenario.ballot(List.of(a), "YES"));
        scenario.vote(sessionId, "hoidong1", "hoidong1", scenario.ballot(List.of(a), "NO"));
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId))
                .extracting(CouncilVote::getMemberId, CouncilVote::getVote, CouncilVote::isWritten)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hoidong1", CouncilVote.Choice.NO, false),
                        org.assertj.core.groups.Tuple.tuple("hoidong2", CouncilVote.Choice.YES, false));
    }

    @Test
    void aMemberCannotCompleteAnotherMembersBallotAndNobodyVotesUnauthenticated() {
        Long a = scenario.acceptedCertificate("Lò Thị Xuân");
        Long sessionId = scenario.open("Phiên họp kiểm tra người biểu quyết", LocalDate.now(), List.of(a));
        var others = scenario.ballotTask(sessionId, "hoidong2");

        assertThatThrownBy(() -> scenario.completeAs("hoidong1", others,
                CouncilScenario.formSubmission(scenario.ballot(List.of(a), "NO"))))
                .isInstanceOf(AuthorizationException.class);
        // Without the engine's own task permissions in the way, the ballot service still refuses.
        ApiException refused = refusalOf(() -> taskService.complete(others.getId(),
                CouncilScenario.formSubmission(scenario.ballot(List.of(a), "NO"))));
        assertThat(refused).hasMessageContaining("Chỉ thành viên hoidong2 tự biểu quyết");
        assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(others.getId()).count()).isOne();
    }

    @Test
    void aBallotCompletionCannotChooseAnotherSession() {
        Long a = scenario.acceptedCertificate("Tòng Văn Ánh");
        Long b = scenario.acceptedCertificate("Cầm Thị Bích");
        Long first = scenario.open("Phiên họp thứ nhất", LocalDate.now(), List.of(a));
        Long second = scenario.open("Phiên họp thứ hai", LocalDate.now(), List.of(b));

        var variables = CouncilScenario.formSubmission(scenario.ballot(List.of(a), "YES")).putValue("sessionId", second);
        scenario.completeAs("hoidong3", scenario.ballotTask(first, "hoidong3"), variables);

        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(first)).extracting(CouncilVote::getMemberId)
                .containsExactly("hoidong3");
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(second)).isEmpty();
        assertThat(scenario.ballotTask(second, "hoidong3")).isNotNull();
    }

    @Test
    void aStartCarryingAnExistingSessionsIdOpensItsOwnSession() {
        Long a = scenario.acceptedCertificate("Điêu Chính Tới");
        Long b = scenario.acceptedCertificate("Lù Văn Dũng");
        Long existing = scenario.open("Phiên họp đã mở", LocalDate.now(), List.of(a));
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("council-session")
                .latestVersion().singleResult().getId();

        identityService.setAuthentication("bantdkt", scenario.user("bantdkt").groupIds());
        var instance = formService.submitStartForm(definitionId, Map.of("sessionId", existing,
                "sessionTitleInput", "Phiên họp mới", "meetingDate", LocalDate.now().toString(), "dossierIds", String.valueOf(b)));
        identityService.clearAuthentication();

        Long opened = (Long) runtimeService.getVariable(instance.getId(), "sessionId");
        assertThat(opened).isNotEqualTo(existing);
        assertThat(sessionRecords.findById(existing).orElseThrow().getProcessInstanceId()).isEqualTo(scenario.processOf(existing));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("PH-" + existing).taskDefinitionKey("Task_Vote")
                .count()).isEqualTo(7);
        assertThat(views.view(opened, scenario.user("bantdkt")).dossiers())
                .extracting(CouncilSessionViews.SessionView.DossierLine::dossierId).containsExactly(b);
    }

    @Test
    void malformedStartsAreRefusedWithAMessageAndLeaveNoCase() {
        Long a = scenario.acceptedCertificate("Hà Văn Khởi");
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("council-session")
                .latestVersion().singleResult().getId();
        long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("council-session").count();
        long records = sessionRecords.count();
        String today = LocalDate.now().toString();
        List<Map<String, Object>> starts = List.of(
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", today, "dossierIds", "abc"),
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", today, "dossierIds", a + ",,99999999999999999999"),
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", "31/12/2024", "dossierIds", String.valueOf(a)),
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", "0001-01-01", "dossierIds", String.valueOf(a)),
                Map.of("sessionTitleInput", "x".repeat(5000), "meetingDate", today, "dossierIds", String.valueOf(a)),
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", today, "dossierIds", "1,".repeat(2500)),
                Map.of("sessionTitleInput", "Phiên họp", "meetingDate", today, "dossierIds", 42L),
                Map.of("meetingDate", today));
        for (Map<String, Object> start : starts) {
            identityService.setAuthentication("bantdkt", scenario.user("bantdkt").groupIds());
            try {
                ApiException refused = refusalOf(() -> formService.submitStartForm(definitionId, start));
                assertThat(refused.status()).as(start.keySet() + " " + refused.getMessage()).isEqualTo(HttpStatus.BAD_REQUEST);
            } finally {
                identityService.clearAuthentication();
            }
        }
        assertThat(refusalOf(() -> formService.submitStartForm(definitionId, Map.of("sessionTitleInput", "Phiên họp",
                "meetingDate", today, "dossierIds", String.valueOf(a)))).status())
                .as("nobody authenticated: not the Board").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("council-session").count()).isEqualTo(cases);
        assertThat(sessionRecords.count()).isEqualTo(records);
    }

    @Test
    void theSubmissionAndTheChairmansDecisionAreTakenOnlyByTheirRolesAndTheOutcomeIsTheSystems() {
        Long a = scenario.acceptedCertificate("Sùng A Lử");
        Long sessionId = scenario.open("Phiên họp kiểm tra vai trò", LocalDate.now(), List.of(a));
        scenario.allVote(sessionId, List.of(a), "YES");

        var submission = scenario.task(sessionId, "Task_Submission");
        assertThat(refusalOf(() -> taskService.complete(submission.getId(), Map.of("submissionNote", "Trình không qua ai."))))
                .hasMessageContaining("Chỉ Thường trực Hội đồng");
        scenario.completeAs("thuongtruc.hd", submission, Map.of("submissionNote", "Trình 1 hồ sơ."));

        var chairman = scenario.task(sessionId, "Task_Chairman");
        assertThat(refusalOf(() -> taskService.complete(chairman.getId(), Map.of("chairmanDecision", "APPROVE_ALL"))))
                .hasMessageContaining("Chỉ Chủ tịch UBND tỉnh");
        // The Chairman approves; a returned flag sent along is the system's to set, not the client's.
        scenario.completeAs("chutich", chairman, Map.of("chairmanDecision", "APPROVE_ALL", "chairmanReturned", true));
        // Only the văn thư registers the decision: the engine refuses the Chairman the task, and the step itself
        // refuses anyone outside the văn thư's group.
        var registration = scenario.task(sessionId, "Task_RegisterDecision");
        assertThat(catchThrowable(() -> scenario.completeAs("chutich", registration, Map.of("decisionNumber", "1",
                "signedOn", LocalDate.now().toString(), "signedScanId", String.valueOf(scenario.signedScan("chutich"))))))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(refusalOf(() -> sessions.issueDecision(scenario.processOf(sessionId),
                new CouncilSessions.DecisionRegistration(1, LocalDate.now().toString(), null), scenario.user("chutich"))))
                .hasMessageContaining("Chỉ Văn thư UBND tỉnh");
        scenario.register(sessionId);

        assertThat(views.view(sessionId, scenario.user("kiemtoan")).status()).isEqualTo("DECIDED");
        assertThat(scenario.task(sessionId, "Task_Submission")).isNull();
    }

    @Test
    void stepsOutOfTheirStatusAreRefusedWithAConflict() {
        Long a = scenario.acceptedCertificate("Giàng Thị Mỷ");
        Long sessionId = scenario.open("Phiên họp kiểm tra trạng thái", LocalDate.now(), List.of(a));
        String process = scenario.processOf(sessionId);

        Throwable early = catchThrowable(() -> sessions.recordChairmanDecision(process, "APPROVE_ALL", null, null,
                scenario.user("chutich")));
        assertThat(early).isInstanceOf(ApiException.class);
        assertThat(((ApiException) early).status()).isEqualTo(HttpStatus.CONFLICT);
        Throwable noTally = catchThrowable(() -> sessions.issueDecision(process,
                new CouncilSessions.DecisionRegistration(1, LocalDate.now().toString(), null), scenario.user(CouncilScenario.CLERK)));
        assertThat(((ApiException) noTally).status()).isEqualTo(HttpStatus.CONFLICT);

        String firstTask = scenario.ballotTask(sessionId, "hoidong1").getId();
        scenario.allVote(sessionId, List.of(a), "YES");
        Throwable late = catchThrowable(() -> ballots.record(firstTask, process, null,
                scenario.ballot(List.of(a), "NO"), scenario.user("hoidong1")));
        assertThat(late).isInstanceOf(ApiException.class).hasMessageContaining("đã kết thúc biểu quyết");
        assertThat(((ApiException) late).status()).isEqualTo(HttpStatus.CONFLICT);
        Throwable again = catchThrowable(() -> sessions.tally(process));
        assertThat(((ApiException) again).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).hasSize(7)
                .allSatisfy(v -> assertThat(v.getVote()).isEqualTo(CouncilVote.Choice.YES));
    }

    @Test
    void aMembersBallotRecordedOnceIsNotRecordedAgain() {
        Long a = scenario.acceptedCertificate("Quàng Văn Ơn");
        Long sessionId = scenario.open("Phiên họp ghi phiếu hai lần", LocalDate.now(), List.of(a));
        String process = scenario.processOf(sessionId);
        String task = scenario.ballotTask(sessionId, "hoidong2").getId();

        ballots.record(task, process, null, scenario.ballot(List.of(a), "YES"), scenario.user("hoidong2"));
        Throwable again = catchThrowable(() -> ballots.record(task, process, null, scenario.ballot(List.of(a), "NO"),
                scenario.user("thuongtruc.hd")));

        assertThat(again).isInstanceOf(ApiException.class)
                .hasMessageContaining("Phiếu của thành viên hoidong2 đã được ghi nhận trong phiên họp này");
        assertThat(((ApiException) again).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).singleElement()
                .satisfies(v -> assertThat(v.getVote()).isEqualTo(CouncilVote.Choice.YES));
    }

    @Test
    void malformedBallotsAreRefusedWithAMessageAndRecordNothing() {
        Long a = scenario.acceptedCertificate("Vừ A Chứ");
        Long b = scenario.acceptedCertificate("Lý Thị Mai");
        Long sessionId = scenario.open("Phiên họp kiểm tra phiếu sai", LocalDate.now(), List.of(a, b));
        var task = scenario.ballotTask(sessionId, "hoidong1");

        for (String bad : List.of("không phải JSON", "[null]", "[{\"dossierId\":" + a + ",\"vote\":\"YES\"}]",
                "[{\"dossierId\":" + a + ",\"vote\":\"MAYBE\"},{\"dossierId\":" + b + ",\"vote\":\"YES\"}]",
                "[{\"dossierId\":" + a + ",\"vote\":\"YES\"},{\"dossierId\":" + a + ",\"vote\":\"YES\"},{\"dossierId\":" + b + ",\"vote\":\"YES\"}]",
                "[{\"dossierId\":99999999999999999999,\"vote\":\"YES\"}]",
                "[{\"dossierId\":" + a + ",\"vote\":\"YES\",\"comment\":\"" + "x".repeat(4001) + "\"},{\"dossierId\":" + b + ",\"vote\":\"YES\"}]")) {
            ApiException refused = refusalOf(() -> scenario.vote(sessionId, "hoidong1", "hoidong1", bad));
            assertThat(refused.status()).as(bad.length() > 80 ? bad.substring(0, 80) : bad)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(refusalOf(() -> scenario.completeAs("hoidong1", task, Map.of("ballot", 42))))
                .hasMessageContaining("Phiếu biểu quyết không đọc được");
        assertThat(refusalOf(() -> scenario.completeAs("hoidong1", task, Map.of("ballot", "x".repeat(4001)))))
                .hasMessageContaining("quá dài");
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).isEmpty();

        // A REST client may still send the ballot as an ordinary text variable of up to 4,000 characters.
        scenario.completeAs("hoidong1", task, Map.of("ballot", scenario.ballot(List.of(a, b), "YES")));
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).hasSize(2);
        assertThat(runtimeService.getVariable(scenario.processOf(sessionId), "ballot")).isNull();
    }
}
