package vn.dienbien.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every role of the registry and an anonymous caller × every endpoint of /api and the engine REST
 * resources our users reach. Each cell is asserted: allowed (the call passes the checks of who may
 * act: 2xx, or a 4xx about the data, never 401/403/404) or refused (401 anonymous, 403, or 404
 * for a record the caller may not know of). Lists that every signed-in user may call are checked
 * by what they show: a unit sees its own, never another's.
 */
@WorkflowTest
class AuthorizationMatrixTest {

    /** The roles of the registry, each played by a demo official, and a second unit for cross-unit attempts. */
    enum Who {
        UNIT("canbo.syt"), HEAD("lanhdao.syt"), OTHER_UNIT("canbo.stc"), BOARD("bantdkt"), BOARD_HEAD("truongban.tdkt"),
        COUNCIL("hoidong1"), STANDING("thuongtruc.hd"), CHAIRMAN("chutich"), FRONT("mttq.giamsat"), AUDITOR("kiemtoan"),
        ADMIN("admin"), ANONYMOUS(null);

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    private static final Set<Who> EVERYONE_SIGNED_IN = Set.of(Who.UNIT, Who.HEAD, Who.OTHER_UNIT, Who.BOARD,
            Who.BOARD_HEAD, Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.FRONT, Who.AUDITOR, Who.ADMIN);
    private static final Set<Who> BOARD = Set.of(Who.BOARD, Who.BOARD_HEAD);
    private static final Set<Who> BOARD_OR_ADMIN = Set.of(Who.BOARD, Who.BOARD_HEAD, Who.ADMIN);
    private static final Set<Who> OVERSIGHT = Set.of(Who.FRONT, Who.AUDITOR);
    /** People who act for a unit (every official but the oversight roles and the technical administrator). */
    private static final Set<Who> WRITERS = Set.of(Who.UNIT, Who.HEAD, Who.OTHER_UNIT, Who.BOARD, Who.BOARD_HEAD,
            Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN);

    @Autowired TestRestTemplate rest;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired vn.dienbien.tdkt.decision.AwardDecisions awardDecisions;
    @Autowired vn.dienbien.tdkt.notification.NotificationService notifications;
    @Autowired vn.dienbien.tdkt.organization.OrgUnitRepository units;

    record Cell(String endpoint, Who who, boolean expectAllowed, int status) {
        boolean allowed() {
            return status != 401 && status != 403 && status != 404 && status < 500;
        }

        boolean asExpected() {
            return expectAllowed ? allowed() : !allowed() && status < 500;
        }
    }

    private final List<Cell> cells = new ArrayList<>();

    @Test
    void everyRoleTimesEveryEndpointIsAllowedOrRefusedAsTheProcedureSays() {
        var fx = fixtures();

        // Campaigns.
        cell("GET /api/campaigns", EVERYONE_SIGNED_IN, u -> get(u, "/api/campaigns"));
        cell("GET /api/campaigns/{id}", EVERYONE_SIGNED_IN, u -> get(u, "/api/campaigns/" + fx.campaign()));
        cell("POST /api/campaigns", BOARD_OR_ADMIN, u -> post(u, "/api/campaigns", "{}"));
        cell("POST /api/campaigns/{id}/open", BOARD_OR_ADMIN, u -> post(u, "/api/campaigns/" + fx.campaign() + "/open", "{}"));
        // Launch plans.
        // The Board runs the movement; the standing body and the Chairman lead it; oversight roles follow it.
        Set<Who> followsEveryPlan = union(BOARD, OVERSIGHT, Set.of(Who.STANDING, Who.CHAIRMAN, Who.ADMIN));
        cell("GET /api/campaigns/{id}/launch-plan-progress", followsEveryPlan,
                u -> get(u, "/api/campaigns/" + fx.campaign() + "/launch-plan-progress"));
        cell("GET /api/campaigns/{id}/launch-plan-progress.csv", followsEveryPlan,
                u -> get(u, "/api/campaigns/" + fx.campaign() + "/launch-plan-progress.csv"));
        cell("GET /api/launch-plans/{own unit's}", union(followsEveryPlan, Set.of(Who.UNIT, Who.HEAD)),
                u -> get(u, "/api/launch-plans/" + fx.launchPlan()));
        // Reporting rounds (the launch plan and the periodic reports): the Board declares and closes them.
        long launchRound = jdbc.queryForObject("select round_id from launch_plan where id = ?", Long.class,
                fx.launchPlan());
        var special = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/reporting-rounds", Map.of(
                "campaignId", fx.campaign(), "kind", "OTHER", "periodYear", 2031,
                "title", "Báo cáo chuyên đề kiểm thử phân quyền", "dueDate", "2031-06-30"), Map.class);
        assertThat(special.getStatusCode().value()).as("%s", special.getBody()).isEqualTo(201);
        long specialRound = ((Number) special.getBody().get("id")).longValue();
        cell("POST /api/reporting-rounds", BOARD, u -> post(u, "/api/reporting-rounds", "{}"));
        cell("GET /api/reporting-rounds?campaignId=", EVERYONE_SIGNED_IN,
                u -> get(u, "/api/reporting-rounds?campaignId=" + fx.campaign()));
        cell("GET /api/reporting-rounds/{id}", EVERYONE_SIGNED_IN, u -> get(u, "/api/reporting-rounds/" + launchRound));
        cell("GET /api/reporting-rounds/{id}/progress", followsEveryPlan,
                u -> get(u, "/api/reporting-rounds/" + launchRound + "/progress"));
        cell("GET /api/reporting-rounds/{id}/progress.csv", followsEveryPlan,
                u -> get(u, "/api/reporting-rounds/" + launchRound + "/progress.csv"));
        // The first of the Board closes the round; the second is told it is closed already (409: allowed).
        cell("POST /api/reporting-rounds/{id}/close", BOARD,
                u -> post(u, "/api/reporting-rounds/" + specialRound + "/close", "{}"));
        // Documents.
        cell("POST /api/documents", WRITERS, u -> upload(u));
        Set<Who> readsUnitRecords = union(Set.of(Who.UNIT, Who.HEAD), BOARD, OVERSIGHT,
                Set.of(Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN));
        cell("GET /api/documents/{unit's}", readsUnitRecords, u -> get(u, "/api/documents/" + fx.document()));
        cell("GET /api/documents/{unit's}/content", readsUnitRecords, u -> get(u, "/api/documents/" + fx.document() + "/content"));
        // Dossiers and decisions.
        cell("POST /api/dossiers", WRITERS, u -> post(u, "/api/dossiers", "{}"));
        cell("GET /api/dossiers?status=ACCEPTED", union(BOARD, OVERSIGHT, Set.of(Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN)),
                u -> get(u, "/api/dossiers?status=ACCEPTED"));
        cell("GET /api/dossiers/{unit's}", readsUnitRecords, u -> get(u, "/api/dossiers/" + fx.dossier()));
        cell("POST /api/dossiers/{id}/outside-block-vote", BOARD,
                u -> post(u, "/api/dossiers/" + fx.dossier() + "/outside-block-vote", "{}"));
        cell("GET /api/award-history", EVERYONE_SIGNED_IN, u -> get(u, "/api/award-history"));
        cell("GET /api/decisions", EVERYONE_SIGNED_IN, u -> get(u, "/api/decisions"));
        cell("GET /api/notifications", EVERYONE_SIGNED_IN, u -> get(u, "/api/notifications"));
        // Certificates and revocation: the certificate list for the Board, the Chairman (and văn thư); the public
        // page for anyone; revocation asked by the Board's officers, read by the Board, the Chairman, oversight
        // roles, administrators and the awardee's own unit.
        cell("GET /api/decisions/{id}/certificates.xlsx", Set.of(Who.BOARD, Who.BOARD_HEAD, Who.CHAIRMAN),
                u -> get(u, "/api/decisions/" + fx.decision() + "/certificates.xlsx"));
        cell("GET /public/verify/{code}", union(EVERYONE_SIGNED_IN, Set.of(Who.ANONYMOUS)),
                u -> get(u, "/public/verify/" + fx.verificationCode()));
        cell("GET /public/verify/{code}.json", union(EVERYONE_SIGNED_IN, Set.of(Who.ANONYMOUS)),
                u -> get(u, "/public/verify/" + fx.verificationCode() + ".json"));
        // Operators' view (README: Vận hành): the health summary for anyone (a load balancer), the rest for administrators.
        cell("GET /actuator/health", union(EVERYONE_SIGNED_IN, Set.of(Who.ANONYMOUS)), u -> get(u, "/actuator/health"));
        cell("GET /actuator/health/liveness", union(EVERYONE_SIGNED_IN, Set.of(Who.ANONYMOUS)),
                u -> get(u, "/actuator/health/liveness"));
        cell("GET /actuator/prometheus", Set.of(Who.ADMIN), u -> get(u, "/actuator/prometheus"));
        cell("GET /actuator", Set.of(Who.ADMIN), u -> get(u, "/actuator"));
        cell("POST /api/award-revocations", BOARD, u -> post(u, "/api/award-revocations", "{}"));
        cell("GET /api/award-revocations/{unit's}", union(BOARD, OVERSIGHT, Set.of(Who.UNIT, Who.HEAD, Who.CHAIRMAN, Who.ADMIN)),
                u -> get(u, "/api/award-revocations/" + fx.revocation()));
        // Thông báo của tôi: everyone reads their own; a unit's notification is marked read by its people only
        // (others get 404), the oversight roles never write.
        cell("GET /api/notifications/mine", EVERYONE_SIGNED_IN, u -> get(u, "/api/notifications/mine?size=5"));
        long unitNotification = notifications.notifyUnit(units.findByCode("SYT").orElseThrow().getId(), "MATRIX",
                "Thông báo kiểm thử phân quyền", "Chỉ Sở Y tế đọc được.").id();
        cell("POST /api/notifications/{unit's}/read", Set.of(Who.UNIT, Who.HEAD),
                u -> post(u, "/api/notifications/" + unitNotification + "/read", "{}"));
        cell("POST /api/notifications/read-all", WRITERS, u -> post(u, "/api/notifications/read-all", "{}"));
        // Council.
        cell("POST /api/council-sessions", BOARD_OR_ADMIN, u -> post(u, "/api/council-sessions",
                "{\"title\":\"Phiên họp thử quyền\",\"meetingDate\":\"" + java.time.LocalDate.now().plusDays(7)
                        + "\",\"dossierIds\":[" + fx.acceptedDossier() + "]}"));
        cell("GET /api/council-sessions/{id}", union(BOARD, OVERSIGHT, Set.of(Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN)),
                u -> get(u, "/api/council-sessions/" + fx.session()));
        // The documents the office signs: the Board, the standing body, the Chairman and the văn thư (not in this
        // table: vanthu.ubnd, see council/OfficeDocumentsTest). A session still voting has no submission yet (409).
        Set<Who> officeDocuments = union(BOARD, Set.of(Who.STANDING, Who.CHAIRMAN));
        cell("GET /api/council-sessions/{id}/submission.docx", officeDocuments,
                u -> get(u, "/api/council-sessions/" + fx.session() + "/submission.docx"));
        cell("GET /api/council-sessions/{id}/decision-draft.docx", officeDocuments,
                u -> get(u, "/api/council-sessions/" + fx.session() + "/decision-draft.docx"));
        cell("GET /api/council-sessions/{id}/registration", officeDocuments,
                u -> get(u, "/api/council-sessions/" + fx.session() + "/registration"));
        long decisionId = awardDecisions.issue("Quyết định về việc tặng Bằng khen (kiểm tra quyền)",
                java.time.LocalDate.of(2039, 1, 2), "Chủ tịch UBND tỉnh", "chutich",
                List.of(new vn.dienbien.tdkt.decision.AwardDecisions.NewAwardee(fx.dossier(), "CERTIFICATE",
                        "Người kiểm tra quyền", "Sở Y tế"))).id();
        cell("GET /api/decisions/{id}/document.docx", officeDocuments,
                u -> get(u, "/api/decisions/" + decisionId + "/document.docx"));
        // Yearly evaluation and targets.
        cell("POST /api/campaigns/{id}/evaluation-rounds", BOARD_OR_ADMIN,
                u -> post(u, "/api/campaigns/" + fx.campaign() + "/evaluation-rounds", "{\"year\": 2031}"));
        cell("GET /api/campaigns/{id}/targets/progress", EVERYONE_SIGNED_IN,
                u -> get(u, "/api/campaigns/" + fx.campaign() + "/targets/progress?year=2031"));
        cell("GET /api/campaigns/{id}/targets/xlsx", EVERYONE_SIGNED_IN,
                u -> get(u, "/api/campaigns/" + fx.campaign() + "/targets/xlsx"));
        // Not a spreadsheet: refused as data (400) by whoever may load, nothing written.
        cell("POST /api/campaigns/{id}/targets/xlsx", BOARD_OR_ADMIN,
                u -> as(u).exchange("/api/campaigns/" + fx.campaign() + "/targets/xlsx", HttpMethod.POST,
                        ApiClient.file("chi-tieu.xlsx", org.springframework.http.MediaType.APPLICATION_OCTET_STREAM,
                                "không phải bảng tính".getBytes(java.nio.charset.StandardCharsets.UTF_8)), String.class));
        // Reviews.
        cell("POST /api/campaigns/{id}/reviews", BOARD_OR_ADMIN, u -> post(u, "/api/campaigns/" + fx.campaign() + "/reviews", "{\"kind\": \"MID_TERM\"}"));
        Set<Who> readsDraftReviews = union(BOARD, OVERSIGHT, Set.of(Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN));
        cell("GET /api/reviews/{draft}", readsDraftReviews, u -> get(u, "/api/reviews/" + fx.review()));
        cell("GET /api/reviews/{draft}/report.xlsx", readsDraftReviews, u -> get(u, "/api/reviews/" + fx.review() + "/report.xlsx"));
        cell("GET /api/reviews/{draft}/report.csv", readsDraftReviews, u -> get(u, "/api/reviews/" + fx.review() + "/report.csv"));
        // Audit: every case searched and exported by the inspectors, the Front, the Board and administrators.
        Set<Who> auditReaders = union(BOARD, OVERSIGHT, Set.of(Who.ADMIN));
        cell("GET /api/audit/cases", auditReaders, u -> get(u, "/api/audit/cases?kind=DOSSIER&unit=SYT&size=5"));
        cell("GET /api/audit/cases.csv", auditReaders, u -> get(u, "/api/audit/cases.csv?kind=DOSSIER&unit=SYT"));
        cell("GET /api/audit/cases.xlsx", auditReaders, u -> get(u, "/api/audit/cases.xlsx?kind=DOSSIER&unit=SYT"));
        cell("GET /api/audit/me", auditReaders, u -> get(u, "/api/audit/me"));
        cell("GET /api/audit/cases/{unit's plan}", auditReaders, u -> get(u, "/api/audit/cases/" + fx.planCase()));
        cell("GET /api/audit/cases/{id}/diagram", auditReaders, u -> get(u, "/api/audit/cases/" + fx.planCase() + "/diagram"));
        cell("GET /api/audit/cases/{id}/export.pdf", auditReaders, u -> get(u, "/api/audit/cases/" + fx.planCase() + "/export.pdf"));
        cell("GET /api/audit/cases/{id}/export.json", auditReaders, u -> get(u, "/api/audit/cases/" + fx.planCase() + "/export.json"));
        // Ý kiến giám sát: the Front alone writes here; auditors, the Board and units are refused.
        cell("POST /api/audit/cases/{id}/comments", Set.of(Who.FRONT), u -> post(u, "/api/audit/cases/" + fx.planCase()
                + "/comments", "{\"text\":\"Ý kiến thử quyền.\"}"));
        // The working-day calendar: read by everyone signed in, kept by the Board (and administrators).
        cell("GET /api/calendar/{year}", EVERYONE_SIGNED_IN, u -> get(u, "/api/calendar/2099"));
        cell("POST /api/calendar/{year}/entries", BOARD_OR_ADMIN, u -> post(u, "/api/calendar/2099/entries",
                "{\"date\":\"2099-10-14\",\"kind\":\"COMPENSATORY_DAY_OFF\",\"name\":\"Nghỉ bù (thử quyền)\"}"));
        cell("PUT /api/calendar/{year}/entries/{date}", BOARD_OR_ADMIN, u -> exchange(u, HttpMethod.PUT,
                "/api/calendar/2099/entries/2099-10-14", "{\"kind\":\"COMPENSATORY_DAY_OFF\",\"name\":\"Nghỉ bù\"}"));
        cell("PUT /api/calendar/{year}/confirmation", BOARD_OR_ADMIN,
                u -> exchange(u, HttpMethod.PUT, "/api/calendar/2099/confirmation", "{}"));
        // Chuyển phiên bản quy trình: administrators only; the record of migrations is read by auditors too.
        // The bodies name no version: an administrator is refused as data (400), nothing moves.
        Set<Who> admin = Set.of(Who.ADMIN);
        String migrations = "/api/process-migrations/processes/launch-plan";
        cell("GET /api/process-migrations/processes", admin, u -> get(u, "/api/process-migrations/processes"));
        cell("GET /api/process-migrations/processes/{key}", admin, u -> get(u, migrations));
        cell("GET /api/process-migrations/processes/{key}/cases", admin, u -> get(u, migrations + "/cases?version=1"));
        cell("POST /api/process-migrations/processes/{key}/plan", admin, u -> post(u, migrations + "/plan", "{}"));
        cell("POST /api/process-migrations/processes/{key}/dry-run", admin, u -> post(u, migrations + "/dry-run", "{}"));
        cell("POST /api/process-migrations/processes/{key}/migrations", admin,
                u -> post(u, migrations + "/migrations", "{}"));
        cell("GET /api/process-migrations/history", union(admin, OVERSIGHT),
                u -> get(u, "/api/process-migrations/history?processKey=launch-plan"));
        cell("GET /public/campaigns/{id}/exemplary-models", union(EVERYONE_SIGNED_IN, Set.of(Who.ANONYMOUS)),
                u -> get(u, "/public/campaigns/" + fx.campaign() + "/exemplary-models"));

        // The engine's REST API.
        cell("GET /engine-rest/task", EVERYONE_SIGNED_IN, u -> get(u, "/engine-rest/task?maxResults=5"));
        cell("POST /engine-rest/task/{unit's task}/complete", Set.of(Who.UNIT, Who.HEAD),
                u -> post(u, "/engine-rest/task/" + fx.planTask() + "/complete", "{\"variables\":{}}"));
        cell("PUT /engine-rest/task/{unit's task}/variables/launchPlanId", Set.of(),
                u -> exchange(u, HttpMethod.PUT, "/engine-rest/task/" + fx.planTask() + "/variables/launchPlanId",
                        "{\"value\": 1, \"type\": \"Long\"}"));
        cell("POST /engine-rest/task/{unit's task}/bpmnError", Set.of(),
                u -> post(u, "/engine-rest/task/" + fx.planTask() + "/bpmnError", "{\"errorCode\":\"x\"}"));
        cell("PUT /engine-rest/task/{unit's task}/variables/planNumber", Set.of(Who.ADMIN),
                u -> exchange(u, HttpMethod.PUT, "/engine-rest/task/" + fx.planTask() + "/variables/planNumber",
                        "{\"value\": \"1/KH-SYT\", \"type\": \"String\"}"));
        cell("POST /engine-rest/process-instance/{unit's case}/variables", Set.of(Who.ADMIN),
                u -> post(u, "/engine-rest/process-instance/" + fx.planCase() + "/variables",
                        "{\"modifications\": {\"ghiChu\": {\"value\": \"x\", \"type\": \"String\"}}}"));
        cell("POST /engine-rest/process-instance/{unit's case}/modification", Set.of(Who.ADMIN),
                u -> post(u, "/engine-rest/process-instance/" + fx.planCase() + "/modification",
                        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_ReviewPlan\"}],"
                                + " \"skipCustomListeners\": true, \"annotation\": \"x\"}"));
        cell("POST /engine-rest/process-definition/key/award-dossier/start planting a later step's field",
                Set.of(Who.ADMIN), u -> post(u, "/engine-rest/process-definition/key/award-dossier/start",
                        "{\"variables\":{\"appraisalDecision\":{\"value\":\"ACCEPT\",\"type\":\"String\"}}}"));
        cell("POST /engine-rest/task/{unit's task}/complete naming another plan", Set.of(),
                u -> post(u, "/engine-rest/task/" + fx.planTask() + "/complete",
                        "{\"variables\":{\"launchPlanId\":{\"value\":" + fx.otherLaunchPlan() + ",\"type\":\"Long\"}}}"));
        cell("POST /engine-rest/task/{head's task}/complete naming another dossier", Set.of(),
                u -> post(u, "/engine-rest/task/" + fx.headTask() + "/complete",
                        "{\"variables\":{\"dossierId\":{\"value\":" + fx.acceptedDossier() + ",\"type\":\"Long\"},"
                                + "\"headDecision\":{\"value\":\"WITHDRAW\",\"type\":\"String\"}}}"));
        cell("POST /engine-rest/process-definition/key/award-dossier/start", Set.of(Who.UNIT, Who.HEAD, Who.OTHER_UNIT,
                Who.BOARD, Who.BOARD_HEAD, Who.COUNCIL, Who.STANDING, Who.CHAIRMAN, Who.ADMIN),
                u -> post(u, "/engine-rest/process-definition/key/award-dossier/start", "{\"variables\":{}}"));
        // Revocation cases are opened through /api by the Board's officers, never by hand: nobody may start one
        // (the administrator, who may start anything, is refused as data: no request is waiting for a case).
        cell("POST /engine-rest/process-definition/key/award-revocation/start", Set.of(Who.ADMIN),
                u -> post(u, "/engine-rest/process-definition/key/award-revocation/start", "{\"businessKey\":\"TH-"
                        + fx.revocation() + "\"}"));
        // Launch-plan cases are started by opening a campaign, never by hand.
        cell("POST /engine-rest/process-definition/key/launch-plan/start", Set.of(),
                u -> post(u, "/engine-rest/process-definition/key/launch-plan/start",
                        "{\"variables\":{\"x\":{\"value\":\"y\",\"type\":\"String\"}},\"startInstructions\":[]}"));
        cell("GET /engine-rest/user", EVERYONE_SIGNED_IN, u -> get(u, "/engine-rest/user?maxResults=3"));
        cell("POST /engine-rest/user/create", Set.of(Who.ADMIN), u -> post(u, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"matrix.user." + u.ordinal() + "\",\"firstName\":\"Thử\",\"lastName\":\"Nghiệm\"},"
                        + "\"credentials\":{\"password\":\"Ma-tran-2031-thu\"}}"));
        cell("POST /engine-rest/authorization/create", Set.of(Who.ADMIN), u -> post(u, "/engine-rest/authorization/create",
                "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"canbo.stc\",\"resourceType\":8,\"resourceId\":\"matrix-" + u.ordinal() + "\"}"));
        cell("POST /engine-rest/deployment/create", Set.of(Who.ADMIN), this::deploy);

        // What lists show: a unit's case and its history to that unit, the Board and the oversight roles only.
        Map<Who, Integer> tasksSeen = count(u -> get(u, "/engine-rest/task?processInstanceId=" + fx.planCase()));
        Map<Who, Integer> historySeen = count(u -> get(u, "/engine-rest/history/process-instance?processInstanceId=" + fx.planCase()));
        Map<Who, Integer> instancesSeen = count(u -> get(u, "/engine-rest/process-instance?processInstanceIds=" + fx.planCase()));

        Map<Who, String> awardHistorySeen = new LinkedHashMap<>();
        for (Who who : EVERYONE_SIGNED_IN) {
            awardHistorySeen.put(who, get(who, "/api/award-history?unit=SYT").getBody());
        }

        long wrong = cells.stream().filter(c -> !c.asExpected()).count();
        System.out.printf("Authorization matrix: %d cells (%d roles × %d endpoints), %d as expected, %d not%n",
                cells.size(), Who.values().length, cells.size() / Who.values().length, cells.size() - wrong, wrong);
        cells.stream().filter(c -> !c.asExpected()).forEach(c -> System.out.println("  UNEXPECTED: " + c));
        System.out.println("  tasks of SYT's case seen: " + tasksSeen);
        System.out.println("  history of SYT's case seen: " + historySeen);
        System.out.println("  runtime instance of SYT's case seen: " + instancesSeen);

        assertThat(cells).filteredOn(c -> !c.asExpected()).isEmpty();
        assertThat(tasksSeen).containsEntry(Who.UNIT, 1).containsEntry(Who.HEAD, 1).containsEntry(Who.OTHER_UNIT, 0)
                .containsEntry(Who.FRONT, 0).containsEntry(Who.AUDITOR, 0).containsEntry(Who.COUNCIL, 0);
        assertThat(historySeen).containsEntry(Who.UNIT, 1).containsEntry(Who.HEAD, 1).containsEntry(Who.BOARD, 1)
                .containsEntry(Who.AUDITOR, 1).containsEntry(Who.FRONT, 1).containsEntry(Who.OTHER_UNIT, 0)
                .containsEntry(Who.COUNCIL, 0);
        assertThat(instancesSeen).containsEntry(Who.UNIT, 1).containsEntry(Who.BOARD, 1).containsEntry(Who.OTHER_UNIT, 0)
                .containsEntry(Who.AUDITOR, 0);
        // Dossiers in progress are the unit's and the reviewers' business; another unit sees decided awards only.
        String ownDossier = "\"dossierId\":" + fx.dossier() + ",";
        for (Who reader : List.of(Who.UNIT, Who.HEAD, Who.BOARD, Who.COUNCIL, Who.AUDITOR, Who.FRONT)) {
            assertThat(awardHistorySeen.get(reader)).as(reader.name()).contains(ownDossier);
        }
        assertThat(awardHistorySeen.get(Who.OTHER_UNIT)).doesNotContain(ownDossier)
                .doesNotContain("\"status\":\"UNDER_APPRAISAL\"").doesNotContain("\"status\":\"AWAITING_HEAD\"")
                .doesNotContain("\"status\":\"ACCEPTED\"").doesNotContain("\"status\":\"WITHDRAWN\"");
        // The forged completions changed nothing: the unit's plan task and the head's task are still open.
        assertThat(taskService.createTaskQuery().taskId(fx.planTask()).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(fx.headTask()).count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- cells

    private void cell(String endpoint, Set<Who> allowed, Function<Who, ResponseEntity<String>> call) {
        for (Who who : Who.values()) {
            cells.add(new Cell(endpoint, who, allowed.contains(who), call.apply(who).getStatusCode().value()));
        }
    }

    private Map<Who, Integer> count(Function<Who, ResponseEntity<String>> call) {
        Map<Who, Integer> seen = new LinkedHashMap<>();
        for (Who who : EVERYONE_SIGNED_IN) {
            String body = call.apply(who).getBody();
            seen.put(who, body == null || !body.startsWith("[") ? -1 : body.equals("[]") ? 0 : body.split("\"id\"").length - 1);
        }
        return seen;
    }

    @SafeVarargs
    private static Set<Who> union(Set<Who>... sets) {
        var all = new java.util.HashSet<Who>();
        for (Set<Who> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private TestRestTemplate as(Who who) {
        return who.user == null ? rest : rest.withBasicAuth(who.user, "demo");
    }

    private ResponseEntity<String> get(Who who, String path) {
        return as(who).exchange(path, HttpMethod.GET, null, String.class);
    }

    private ResponseEntity<String> post(Who who, String path, String json) {
        return exchange(who, HttpMethod.POST, path, json);
    }

    private ResponseEntity<String> exchange(Who who, HttpMethod method, String path, String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(who).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> upload(Who who) {
        return as(who).exchange("/api/documents", HttpMethod.POST, ApiClient.pdf("ma-tran.pdf"), String.class);
    }

    private ResponseEntity<String> deploy(Who who) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "ma-tran-" + who.ordinal());
        body.add("data", new HttpEntity<>(new ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="tdkt">
                  <process id="ma-tran-%d" name="Thử quyền" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
                  </process>
                </definitions>""".formatted(who.ordinal()).getBytes()) {
            @Override
            public String getFilename() {
                return "ma-tran.bpmn";
            }
        }, new HttpHeaders()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(who).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    // ---------------------------------------------------------------- fixtures, made through the API

    record Fixtures(long campaign, long launchPlan, long otherLaunchPlan, String planCase, String planTask, long document,
            long dossier, String headTask, long acceptedDossier, long session, long review, long decision,
            String verificationCode, long revocation) {
    }

    private Fixtures fixtures() {
        String code = "MATRAN-" + System.nanoTime() % 1_000_000_000 + "/KH-UBND";
        var campaign = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns", Map.of("code", code,
                "title", "Đợt thi đua kiểm thử phân quyền", "issuedOn", "2031-02-09", "periodStartYear", 2031,
                "periodEndYear", 2035, "launchPlanDueBefore", "2031-03-30T00:00"), Map.class);
        assertThat(campaign.getStatusCode().value()).as("%s", campaign.getBody()).isEqualTo(201);
        long campaignId = ((Number) campaign.getBody().get("id")).longValue();
        assertThat(rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns/" + campaignId + "/open", null,
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        var planCase = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code + " | SYT").singleResult();
        String planTask = taskService.createTaskQuery().processInstanceId(planCase.getId()).taskDefinitionKey("Task_SubmitPlan")
                .singleResult().getId();
        long launchPlan = jdbc.queryForObject("select id from launch_plan where process_instance_id = ?", Long.class,
                planCase.getId());
        var otherCase = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code + " | STC").singleResult();
        long otherLaunchPlan = jdbc.queryForObject("select id from launch_plan where process_instance_id = ?", Long.class,
                otherCase.getId());

        long document = uploadAs("canbo.syt", "ke-hoach.pdf");
        Map<String, Long> documents = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            documents.put(type, uploadAs("canbo.syt", type.toLowerCase() + ".pdf"));
        }
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("campaignCode", "383/KH-UBND");
        proposal.put("year", 2023);
        proposal.put("awardCode", "CERTIFICATE");
        proposal.put("nomineeKind", "INDIVIDUAL");
        proposal.put("proposingUnitCode", "SYT");
        proposal.put("nominee", Map.of("fullName", "Lò Thị Ma Trận " + System.nanoTime() % 100_000, "gender", "Nữ", "birthYear", 1980,
                "position", "Bác sĩ", "workUnit", "Bệnh viện Đa khoa tỉnh", "directWorker", false));
        proposal.put("achievementSummary", "Hoàn thành xuất sắc nhiệm vụ hai năm liền.");
        proposal.put("facts", Map.of("excellentYears", List.of(2021, 2022), "recognisedInitiatives", 2,
                "underDiscipline", false, "underInvestigation", false, "openComplaint", false));
        proposal.put("documents", documents);
        var dossier = rest.withBasicAuth("canbo.syt", "demo").postForEntity("/api/dossiers", proposal, Map.class);
        assertThat(dossier.getStatusCode().value()).as("%s", dossier.getBody()).isEqualTo(201);
        long dossierId = ((Number) dossier.getBody().get("id")).longValue();

        // A second dossier goes through the head and the Board, so that a council session can hold it.
        Map<String, Long> moreDocuments = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            moreDocuments.put(type, uploadAs("canbo.syt", type.toLowerCase() + "-2.pdf"));
        }
        proposal.put("nominee", Map.of("fullName", "Quàng Văn Hội Đồng " + System.nanoTime() % 100_000, "gender", "Nam", "birthYear", 1978,
                "position", "Điều dưỡng trưởng", "workUnit", "Bệnh viện Đa khoa tỉnh", "directWorker", false));
        proposal.put("documents", moreDocuments);
        var second = rest.withBasicAuth("canbo.syt", "demo").postForEntity("/api/dossiers", proposal, Map.class);
        assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(201);
        long secondId = ((Number) second.getBody().get("id")).longValue();
        String secondCase = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, secondId);
        completeAs("lanhdao.syt", taskOf(secondCase, "Task_HeadConfirm"), "{\"headDecision\":{\"value\":\"CONFIRM\"}}");
        completeAs("bantdkt", taskOf(secondCase, "Task_Appraise"), "{\"appraisalDecision\":{\"value\":\"ACCEPT\"}}");
        var session = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/council-sessions", Map.of(
                "title", "Phiên họp kiểm thử phân quyền",
                "meetingDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString(), "dossierIds", List.of(secondId)), Map.class);
        assertThat(session.getStatusCode().value()).as("%s", session.getBody()).isEqualTo(201);

        String firstCase = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossierId);
        // A decision naming the first dossier (issued directly: the council's path is tested elsewhere), its
        // certificate's code, and a revocation request on it as the records hold one.
        var decision = awardDecisions.issue("Quyết định kiểm thử phân quyền", java.time.LocalDate.of(2031, 5, 4),
                "Chủ tịch UBND tỉnh", "chutich", List.of(new vn.dienbien.tdkt.decision.AwardDecisions.NewAwardee(dossierId,
                        "CERTIFICATE", "Lò Thị Ma Trận", "Sở Y tế")));
        String verificationCode = jdbc.queryForObject("select code from award_certificate where decision_id = ?",
                String.class, decision.id());
        jdbc.update("insert into award_revocation (dossier_id, decision_id, kind, reason, status, requested_by, requested_at)"
                + " values (?, ?, 'REVOKE', 'Kiểm thử phân quyền', 'STOPPED', 'bantdkt', current_timestamp)", dossierId,
                decision.id());
        long revocation = jdbc.queryForObject("select max(id) from award_revocation where dossier_id = ?", Long.class, dossierId);
        return new Fixtures(campaignId, launchPlan, otherLaunchPlan, planCase.getId(), planTask, document, dossierId,
                taskOf(firstCase, "Task_HeadConfirm"), secondId, ((Number) session.getBody().get("id")).longValue(),
                draftReview(campaignId), decision.id(), verificationCode, revocation);
    }

    private long draftReview(long campaignId) {
        var review = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns/" + campaignId + "/reviews",
                Map.of("kind", "MID_TERM"), Map.class);
        assertThat(review.getStatusCode().value()).as("%s", review.getBody()).isEqualTo(201);
        return ((Number) review.getBody().get("id")).longValue();
    }

    private String taskOf(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult().getId();
    }

    private void completeAs(String user, String taskId, String variables) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s completes: %s", user, answer.getBody()).isTrue();
    }

    private long uploadAs(String user, String fileName) {
        return api.uploadPdf(user, fileName);
    }
}
