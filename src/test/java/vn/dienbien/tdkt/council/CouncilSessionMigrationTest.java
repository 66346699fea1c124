package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Sessions waiting for the văn thư ("Vào số, ngày ký quyết định") when a newer version is deployed: the
 * administrator moves them on the migration page (the step keeps its id, so it maps by itself), and their
 * decision is then issued and their dossiers told the current way. A session left on an older version still
 * issues and tells its dossiers as that version did: no dossier waits forever.
 */
@WorkflowTest
class CouncilSessionMigrationTest {

    private static final String BEFORE = "earlier-versions/council-session-earlier.bpmn";
    /** The version whose registration issued the decision inside the văn thư's completion (before issue 12's job). */
    private static final String BEFORE_ISSUING_JOB = "earlier-versions/council-session-before-issuing-job.bpmn";
    /** The version with one job per dossier after the decision's ("Chuyển kết quả vào từng hồ sơ"). */
    private static final String PER_DOSSIER_JOBS = "earlier-versions/council-session-per-dossier-jobs.bpmn";

    @Autowired CouncilScenario scenario;
    @Autowired DossierQueries dossiers;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TestRestTemplate rest;

    private byte[] currentXml;

    @AfterEach
    void restoreTheProcedure() {
        ClockUtil.reset();
        if (currentXml != null) {
            deploy(currentXml, "council-session (khôi phục sau kiểm thử chuyển phiên bản)");
        }
    }

    @Test
    void sessionsWaitingForTheVanThuMoveToTheNewVersionAndThoseLeftBehindStillTellTheirDossiers() throws IOException {
        ProcessDefinition current = latest();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        byte[] beforeXml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BEFORE)) {
            beforeXml = in.readAllBytes();
        }
        ProcessDefinition before = deploy(beforeXml, "council-session (phiên bản trước, kiểm thử chuyển phiên bản)");
        Session moved = approved(LocalDateTime.of(2039, 2, 6, 9, 0), "Lò Văn Chiến", "Quàng Thị Lả");
        Session left = approved(LocalDateTime.of(2039, 2, 7, 9, 0), "Cà Văn Duyên", "Lường Thị Hoa");
        assertThat(definitionOf(moved)).isEqualTo(before.getId());
        ProcessDefinition after = deploy(currentXml, "council-session (khôi phục sau kiểm thử chuyển phiên bản)");
        currentXml = null;

        ResponseEntity<Map> migrated = rest.withBasicAuth("admin", "demo").postForEntity(
                "/api/process-migrations/processes/" + WorkflowKeys.COUNCIL_SESSION + "/migrations",
                new HttpEntity<>(Map.of("fromVersion", before.getVersion(), "caseIds", List.of(scenario.processOf(moved.sessionId()))),
                        ApiClient.jsonHeaders()), Map.class);
        assertThat(migrated.getStatusCode().value()).as("%s", migrated.getBody()).isEqualTo(201);
        assertThat(definitionOf(moved)).isEqualTo(after.getId());
        assertThat(scenario.task(moved.sessionId(), "Task_RegisterDecision")).as("still the văn thư's").isNotNull();

        scenario.register(moved.sessionId());
        assertThat(waits(moved.awarded())).as("the current version tells the dossiers in the decision's job").isFalse();
        assertThat(waits(moved.refused())).isFalse();
        assertThat(endOf(moved)).isEqualTo("EndEvent_Decided");

        assertThat(definitionOf(left)).isEqualTo(before.getId());
        scenario.register(left.sessionId());
        assertThat(waits(left.awarded())).as("the older version tells them at registration").isFalse();
        assertThat(waits(left.refused())).isFalse();
        assertThat(endOf(left)).isEqualTo("EndEvent_Decided");
        assertThat(dossiers.record(left.awarded()).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(left.refused()).status()).isEqualTo("NOT_AWARDED");
    }

    /**
     * Sessions waiting for the văn thư when the version that issues the decision in a job ("Ban hành quyết định khen
     * thưởng", asyncBefore, after the registration is recorded) is deployed: a session moved to it records the
     * registration at completion and issues in the job; one left on the version before issues inside the văn thư's
     * completion, from that completion's form, as that version did.
     */
    @Test
    void sessionsWaitingForTheVanThuWhenTheIssuingJobComesIssueOnTheirOwnVersionsWay() throws IOException {
        ProcessDefinition current = latest();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        byte[] beforeXml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BEFORE_ISSUING_JOB)) {
            beforeXml = in.readAllBytes();
        }
        ProcessDefinition before = deploy(beforeXml, "council-session (trước tác vụ nền ban hành, kiểm thử chuyển phiên bản)");
        Session moved = approved(LocalDateTime.of(2039, 3, 6, 9, 0), "Lò Văn Thanh", "Quàng Thị Hương");
        Session left = approved(LocalDateTime.of(2039, 3, 7, 9, 0), "Cà Văn Lợi", "Lường Thị Phương");
        assertThat(definitionOf(moved)).isEqualTo(before.getId());
        ProcessDefinition after = deploy(currentXml, "council-session (khôi phục sau kiểm thử chuyển phiên bản)");
        currentXml = null;

        ResponseEntity<Map> migrated = rest.withBasicAuth("admin", "demo").postForEntity(
                "/api/process-migrations/processes/" + WorkflowKeys.COUNCIL_SESSION + "/migrations",
                new HttpEntity<>(Map.of("fromVersion", before.getVersion(), "caseIds", List.of(scenario.processOf(moved.sessionId()))),
                        ApiClient.jsonHeaders()), Map.class);
        assertThat(migrated.getStatusCode().value()).as("%s", migrated.getBody()).isEqualTo(201);
        assertThat(definitionOf(moved)).isEqualTo(after.getId());

        registerOnly(moved);
        assertThat(dossiers.record(moved.awarded()).status()).as("the completion records the registration only")
                .isEqualTo("ACCEPTED");
        assertThat(scenario.executeIssuingJob(moved.sessionId())).as("the decision's job").isEqualTo(1);
        assertThat(dossiers.record(moved.awarded()).status()).isEqualTo("AWARDED");
        assertThat(waits(moved.awarded())).as("told in the decision's job").isFalse();
        assertThat(endOf(moved)).isEqualTo("EndEvent_Decided");

        assertThat(definitionOf(left)).isEqualTo(before.getId());
        registerOnly(left);
        assertThat(scenario.issuing(scenario.processOf(left.sessionId()))).as("no job: issued at registration").isEmpty();
        assertThat(dossiers.record(left.awarded()).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(left.refused()).status()).isEqualTo("NOT_AWARDED");
        assertThat(scenario.executeJobs(left.sessionId())).as("its dossiers are told in jobs, as that version did")
                .isEqualTo(3);
        assertThat(waits(left.awarded())).isFalse();
        assertThat(endOf(left)).isEqualTo("EndEvent_Decided");
    }

    /**
     * The version that tells each dossier in a job of its own ("Chuyển kết quả vào từng hồ sơ", issue 12's third to
     * seventh pass) replaced by the one whose decision's job tells them all: a session waiting for the văn thư moves
     * (its steps keep their ids) and its decision's job tells its dossiers; one already in the per-dossier jobs
     * cannot move (that step is gone: the migration refuses it in Vietnamese and moves nothing) and ends on its own
     * version, its jobs run by the beans that version names.
     */
    @Test
    void sessionsOfThePerDossierJobsVersionMoveWhenWaitingForTheVanThuOrEndOnTheirOwnVersion() throws IOException {
        ProcessDefinition current = latest();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        byte[] beforeXml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PER_DOSSIER_JOBS)) {
            beforeXml = in.readAllBytes();
        }
        ProcessDefinition before = deploy(beforeXml, "council-session (mỗi hồ sơ một tác vụ nền, kiểm thử chuyển phiên bản)");
        Session moved = approved(LocalDateTime.of(2039, 4, 6, 9, 0), "Lò Văn Nghĩa", "Quàng Thị Vân");
        Session left = approved(LocalDateTime.of(2039, 4, 7, 9, 0), "Cà Văn Hưng", "Lường Thị Xim");
        scenario.register(left.sessionId());
        assertThat(waits(left.awarded())).as("that version tells them in jobs of their own").isTrue();
        ProcessDefinition after = deploy(currentXml, "council-session (khôi phục sau kiểm thử chuyển phiên bản)");
        currentXml = null;

        ResponseEntity<Map> refused = migrate(before, left);
        assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused.getBody()).isTrue();
        assertThat(definitionOf(left)).as("nothing moved").isEqualTo(before.getId());
        ResponseEntity<Map> migrated = migrate(before, moved);
        assertThat(migrated.getStatusCode().value()).as("%s", migrated.getBody()).isEqualTo(201);
        assertThat(definitionOf(moved)).isEqualTo(after.getId());

        scenario.register(moved.sessionId());
        assertThat(waits(moved.awarded())).as("told in the decision's job").isFalse();
        assertThat(waits(moved.refused())).isFalse();
        assertThat(endOf(moved)).isEqualTo("EndEvent_Decided");

        assertThat(scenario.executeJobs(left.sessionId())).as("the multi-instance's job and one per dossier").isEqualTo(3);
        assertThat(waits(left.awarded())).isFalse();
        assertThat(waits(left.refused())).isFalse();
        assertThat(endOf(left)).isEqualTo("EndEvent_Decided");
        assertThat(dossiers.record(left.awarded()).status()).isEqualTo("AWARDED");
    }

    private ResponseEntity<Map> migrate(ProcessDefinition from, Session session) {
        return rest.withBasicAuth("admin", "demo").postForEntity(
                "/api/process-migrations/processes/" + WorkflowKeys.COUNCIL_SESSION + "/migrations",
                new HttpEntity<>(Map.of("fromVersion", from.getVersion(), "caseIds",
                        List.of(scenario.processOf(session.sessionId()))), ApiClient.jsonHeaders()), Map.class);
    }

    /** The văn thư's completion with the form's proposal, without running any job afterwards. */
    private void registerOnly(Session session) {
        var proposal = scenario.proposal(session.sessionId());
        scenario.registerOnly(session.sessionId(), String.valueOf(proposal.proposedNumber()), proposal.today(),
                scenario.signedScan(CouncilScenario.CLERK));
    }

    private record Session(Long sessionId, Long awarded, Long refused) {
    }

    /** Two accepted dossiers; the council passes the first, not the second; the Chairman approves. */
    private Session approved(LocalDateTime at, String passedName, String votedDownName) {
        clockAt(at);
        Long a = scenario.acceptedCertificate(passedName);
        Long b = scenario.acceptedCertificate(votedDownName);
        Long sessionId = scenario.open("Phiên họp " + at.toLocalDate(), at.toLocalDate().plusDays(1), List.of(a, b));
        Map<Long, String> votes = new LinkedHashMap<>();
        votes.put(a, "YES");
        votes.put(b, "NO");
        for (String member : CouncilScenario.MEMBERS) {
            scenario.vote(sessionId, member, member, scenario.ballot(votes, Map.of(), List.of()));
        }
        scenario.executeJobs(sessionId);
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho 1 cá nhân."));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        return new Session(sessionId, a, b);
    }

    private ProcessDefinition deploy(byte[] xml, String name) {
        repositoryService.createDeployment().name(name)
                .addInputStream("bpmn/council-session.bpmn", new ByteArrayInputStream(xml)).deploy();
        return latest();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(WorkflowKeys.COUNCIL_SESSION)
                .latestVersion().singleResult();
    }

    private String definitionOf(Session session) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(scenario.processOf(session.sessionId()))
                .singleResult().getProcessDefinitionId();
    }

    private String endOf(Session session) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(scenario.processOf(session.sessionId()))
                .singleResult().getEndActivityId();
    }

    /** The dossier's case still waits for its result. */
    private boolean waits(Long dossierId) {
        return runtimeService.createExecutionQuery().processInstanceId(dossiers.record(dossierId).processInstanceId())
                .messageEventSubscriptionName("DossierDecided").count() == 1;
    }
}
