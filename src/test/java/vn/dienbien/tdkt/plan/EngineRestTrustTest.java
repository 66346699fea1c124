package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;

/**
 * The engine's REST API and our /api as a hostile client meets them: protected variables, refusals
 * with their own status and a Vietnamese message, CSRF, read-only roles, units reading their history.
 */
@WorkflowTest
class EngineRestTrustTest {

    @Autowired TestRestTemplate rest;
    @Autowired LaunchPlanScenario scenario;
    @Autowired TaskService taskService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRefusalInsideATaskCompletionIsA400WithItsVietnameseMessageAndNothingInternal() {
        Campaign campaign = scenario.openCampaign(List.of());
        var task = scenario.task(scenario.caseOf(campaign, "SYT"), "Task_SubmitPlan");

        var answer = complete("canbo.syt", task.getId(), Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(answer)).startsWith("Chưa gửi được kế hoạch");
        assertNothingInternal(answer);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void completingATaskThatSomeoneElseCompletedIsAConflictAndAnUnknownTaskIsNotFound() {
        Campaign campaign = scenario.openCampaign(List.of());
        var syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 3, 8, 0));
        var task = scenario.task(syt, "Task_SubmitPlan");
        scenario.sendPlan("canbo.syt", task, "9/KH-SYT");

        var again = complete("canbo.syt", task.getId(), Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(message(again)).contains("đã được hoàn thành");
        assertNothingInternal(again);

        var unknown = complete("canbo.syt", "khong-co-nhiem-vu-nay", Map.of());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertNothingInternal(unknown);
    }

    @Test
    void malformedJsonToTheEngineIsA400InVietnamese() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = rest.withBasicAuth("canbo.syt", "demo").exchange("/engine-rest/task/x/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": [1,", headers), String.class);
        assertThat(answer.getStatusCode().is4xxClientError()).isTrue();
        assertNothingInternal(answer);
    }

    @Test
    void aCrossSitePostWithOnlyTheTasklistSessionIsRefusedAndTheSamePageIsNot() {
        String cookie = loginToTasklist("bantdkt");

        var crossSite = postWithSession(cookie, "https://trang-gia-mao.example", "/api/campaigns", "{}");
        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(crossSite)).contains("chính trang của hệ thống");

        var noOrigin = postWithSession(cookie, null, "/api/campaigns", "{}");
        assertThat(noOrigin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var samePage = postWithSession(cookie, rest.getRootUri(), "/api/campaigns", "{}");
        assertThat(samePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST); // reached validation
    }

    @Test
    void aStepCannotFillInALaterStepsFormButMaySendBackWhatItRead() {
        Campaign campaign = scenario.openCampaign(List.of());
        var task = scenario.task(scenario.caseOf(campaign, "SYT"), "Task_SubmitPlan");

        var planted = complete("canbo.syt", task.getId(), Map.of("reviewDecision", Map.of("value", "ACCEPT", "type", "String"),
                "reviewReason", Map.of("value", "Tự duyệt", "type", "String")));
        assertThat(planted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(planted)).containsAnyOf("\"reviewDecision\" không phải trường của biểu mẫu",
                "\"reviewReason\" không phải trường của biểu mẫu");

        // What the form read (the unit's name; a return reason the case does not hold yet) goes back as it was.
        var sentBack = complete("canbo.syt", task.getId(), Map.of(
                "unitName", Map.of("value", "Sở Y tế", "type", "String"),
                "returnReason", Map.of("type", "Null")));
        assertThat(sentBack.getStatusCode()).as("%s", sentBack.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(sentBack)).startsWith("Chưa gửi được kế hoạch");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void aPageOfAnotherSiteCannotReplayCredentialsTheBrowserCached() {
        var headers = jsonHeaders();
        headers.add("Sec-Fetch-Site", "cross-site");
        var api = rest.withBasicAuth("bantdkt", "demo").exchange("/api/campaigns", HttpMethod.POST,
                new HttpEntity<>("{}", headers), Map.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var engine = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/user/create", HttpMethod.POST,
                new HttpEntity<>("{\"profile\":{\"id\":\"gia.mao\"},\"credentials\":{\"password\":\"Gia-mao-2031\"}}", headers),
                Map.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(engine)).contains("chính trang của hệ thống");
        var browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        var prompt = rest.exchange("/api/campaigns", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(prompt.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(prompt.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no login prompt for browsers").isNull();
    }

    @Test
    void oversightRolesReadButBelongToNoUnitAndCannotStartOrCompleteCases() {
        Campaign campaign = scenario.openCampaign(List.of());
        var mttqTask = scenario.task(scenario.caseOf(campaign, "MTTQ"), "Task_SubmitPlan");
        assertThat(scenario.groupsOf("mttq.giamsat")).doesNotContain("donvi.mttq");
        assertThat(scenario.groupsOf("kiemtoan")).noneMatch(g -> g.startsWith("donvi.") || g.startsWith("thutruong."));

        var completed = complete("mttq.giamsat", mttqTask.getId(), Map.of());
        assertThat(completed.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(mttqTask.getId()).count()).isEqualTo(1);

        var started = rest.withBasicAuth("kiemtoan", "demo").postForEntity(
                "/engine-rest/process-definition/key/award-dossier/start", json("{}"), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertNothingInternal(started);
    }

    @Test
    void aUnitReadsTheHistoryOfItsOwnCaseAndNotOfAnotherUnits() {
        Campaign campaign = scenario.openCampaign(List.of());
        var syt = scenario.caseOf(campaign, "SYT");
        String url = "/engine-rest/history/process-instance?processInstanceId=" + syt.getId();

        var own = rest.withBasicAuth("canbo.syt", "demo").getForEntity(url, List.class);
        var other = rest.withBasicAuth("canbo.stc", "demo").getForEntity(url, List.class);

        assertThat(own.getBody()).hasSize(1);
        assertThat(other.getBody()).isEmpty();
    }

    private ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(Map.of("variables", variables), jsonHeaders()), Map.class);
    }

    /** Logs in as Tasklist does (the webapp's own XSRF token first) and returns the session cookie. */
    private String loginToTasklist(String user) {
        var page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        String session = cookie(cookies, "JSESSIONID");
        String xsrf = cookie(cookies, "XSRF-TOKEN");
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", "demo");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, session + "; " + xsrf);
        headers.add("X-XSRF-TOKEN", xsrf.substring(xsrf.indexOf('=') + 1));
        var login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> renewed = login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return renewed.stream().anyMatch(c -> c.startsWith("JSESSIONID=")) ? cookie(renewed, "JSESSIONID") : session;
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }

    private ResponseEntity<Map> postWithSession(String cookie, String origin, String path, String body) {
        var headers = jsonHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        if (origin != null) {
            headers.add(HttpHeaders.ORIGIN, origin);
        }
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private static HttpEntity<String> json(String body) {
        return new HttpEntity<>(body, jsonHeaders());
    }

    private static HttpHeaders jsonHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String message(ResponseEntity<Map> answer) {
        return String.valueOf(answer.getBody().get("message"));
    }

    static void assertNothingInternal(ResponseEntity<?> answer) {
        String body = String.valueOf(answer.getBody());
        assertThat(body).doesNotContainPattern("(?i)exception|org\\.camunda|java\\.|jakarta\\.|sql|hibernate");
        assertThat(body).containsPattern("[À-ỹĐđ]");
    }
}
