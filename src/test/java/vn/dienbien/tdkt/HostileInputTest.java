package vn.dienbien.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * Malformed requests as a hostile client sends them, generated from a table (field × kind of bad
 * value) over every POST endpoint of /api and the start and complete endpoints of the processes:
 * each answer is a 4xx with a Vietnamese message and nothing internal, and no row of our tables, of
 * the engine's runtime tables or of its historic process instances is left behind.
 */
@WorkflowTest
class HostileInputTest {

    private static final String LONG_TEXT = "Đ".repeat(100_001);

    @Autowired TestRestTemplate rest;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired TaskService taskService;
    @Autowired List<ProtectedVariables> protectedVariables;
    @Autowired vn.dienbien.tdkt.council.CouncilScenario council;

    private final List<Attempt> attempts = new ArrayList<>();

    /** A value written into the JSON as it stands (numbers no Java type holds, broken syntax). */
    record Raw(String json) {
    }

    /** One hostile request and what came back. */
    record Attempt(String what, int status, boolean vietnamese, boolean internals, Map<String, Long> residue) {
        boolean ok() {
            return status >= 400 && status < 500 && vietnamese && !internals && residue.isEmpty();
        }
    }

    @Test
    void everyMalformedRequestIsRefusedWithAVietnameseMessageAndLeavesNothingBehind() throws Exception {
        Fixtures fx = fixtures();

        // /api: the JSON bodies, field by field.
        api("canbo.nampo", "/api/dossiers", proposal(fx.documents()));
        api("bantdkt", "/api/campaigns", campaign());
        api("bantdkt", "/api/council-sessions", Map.of("title", "Phiên họp thử", "meetingDate",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString(),
                "dossierIds", List.of(fx.dossierId())));
        api("lanhdao.syt", "/api/scoring-tables", Map.of("groupCode", "KHOI_VHXH", "year", 2031, "title", "Bảng tiêu chí",
                "criteria", List.of(Map.of("code", "TC1", "name", "Hoàn thành nhiệm vụ", "maxPoints", 50))));
        api("bantdkt", "/api/campaigns/" + fx.campaignId() + "/evaluation-rounds", Map.of("year", 2031));
        api("bantdkt", "/api/campaigns/" + fx.campaignId() + "/targets/KT01/actuals", Map.of("year", 2031, "value", 7.5));
        api("bantdkt", "/api/campaigns/" + fx.campaignId() + "/reviews", Map.of("kind", "MID_TERM"));
        api("bantdkt", "/api/reporting-rounds", Map.of("campaignId", fx.campaignId(), "kind", "OTHER",
                "periodYear", 2031, "title", "Báo cáo chuyên đề", "dueDate", "2031-06-30"));
        api("bantdkt", "/api/dossiers/" + fx.dossierId() + "/outside-block-vote",
                Map.of("note", "Cụm đã họp, có biên bản."));
        api("bantdkt", "/api/award-revocations", Map.of("dossierId", fx.dossierId(), "kind", "REVOKE",
                "reason", "Khai man thành tích.", "evidenceDocumentId", fx.documents().get("TO_TRINH")));
        api("bantdkt", "/api/calendar/2032/entries", Map.of("date", "2032-10-14", "kind", "COMPENSATORY_DAY_OFF",
                "name", "Nghỉ bù"));
        // Chuyển phiên bản quy trình (administrators): no body here moves a case (no case of that id runs).
        String migrations = "/api/process-migrations/processes/launch-plan";
        Map<String, Object> migrationPlan = Map.of("fromVersion", 1,
                "mappings", List.of(Map.of("from", "Task_RevisePlan", "to", "Task_RevisePlan")));
        api("admin", migrations + "/plan", migrationPlan);
        Map<String, Object> migration = new LinkedHashMap<>(migrationPlan);
        migration.put("caseIds", List.of("khong-co-ho-so"));
        api("admin", migrations + "/dry-run", migration);
        api("admin", migrations + "/migrations", migration);
        send("admin", "POST migrations of an unknown process", HttpMethod.POST,
                "/api/process-migrations/processes/khong-co/migrations", "{\"fromVersion\":1}");
        for (String bad : List.of("abc", "99999", "1999", "2032-13-01")) {
            send("bantdkt", "DELETE /api/calendar/2032/entries/" + bad, HttpMethod.DELETE, "/api/calendar/2032/entries/" + bad, null);
            send("bantdkt", "GET /api/calendar/" + bad, HttpMethod.GET, "/api/calendar/" + bad, null);
        }
        uploads("canbo.nampo");
        String targets = "/api/campaigns/" + fx.campaignId() + "/targets/xlsx";
        record("bantdkt", "POST targets/xlsx với tệp PDF", () -> rest.withBasicAuth("bantdkt", "demo").exchange(targets,
                HttpMethod.POST, ApiClient.pdf("chi-tieu.xlsx"), String.class));
        record("bantdkt", "POST targets/xlsx với HTML", () -> rest.withBasicAuth("bantdkt", "demo").exchange(targets,
                HttpMethod.POST, ApiClient.file("chi-tieu.xlsx", MediaType.APPLICATION_OCTET_STREAM,
                        "<html></html>".getBytes()), String.class));
        send("bantdkt", "POST targets/xlsx với JSON", HttpMethod.POST, targets, "{}");
        send("bantdkt", "PUT /api/campaigns (phương thức không có)", HttpMethod.PUT, "/api/campaigns", "{}");
        send("bantdkt", "GET /api/khong-co (địa chỉ không có)", HttpMethod.GET, "/api/khong-co", null);
        record("bantdkt", "POST /api/campaigns văn bản thường thay cho JSON", () -> {
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.TEXT_PLAIN);
            return rest.withBasicAuth("bantdkt", "demo").exchange("/api/campaigns", HttpMethod.POST,
                    new HttpEntity<>("code=1", headers), String.class);
        });
        paths(fx);

        // The engine: a proposal from the start form, and the steps of the cases under way.
        Map<String, Object> startForm = proposal(fx.documents());
        for (var mutation : mutations(startForm)) {
            engine("canbo.nampo", "start award-dossier, proposalJson " + mutation.label(),
                    "/engine-rest/process-definition/key/award-dossier/start",
                    Map.of("proposalJson", stringVariable(toJson(mutation.body()))));
        }
        complete("canbo.syt", fx.launchPlanTask(), Map.of("planNumber", "String", "planDate", "Date",
                "planSummary", "String", "planDocumentId", "Long"));
        complete("lanhdao.nampo", fx.headTask(), Map.of("headDecision", "Choice", "headNote", "String"));
        // Văn thư vào số: a council session approved by the Chairman, its registration task (no decision may issue).
        complete(vn.dienbien.tdkt.council.CouncilScenario.CLERK, registrationTask(),
                Map.of("decisionNumber", "String", "signedOn", "Date", "signedScanId", "Long"));

        long refused4xx = attempts.stream().filter(a -> a.status() >= 400 && a.status() < 500).count();
        long server5xx = attempts.stream().filter(a -> a.status() >= 500).count();
        long residue = attempts.stream().filter(a -> !a.residue().isEmpty()).count();
        long unreadable = attempts.stream().filter(a -> !a.vietnamese() || a.internals()).count();
        System.out.printf("Hostile requests: %d tried, %d refused with 4xx, %d answered 5xx, %d left residue, "
                + "%d without a plain Vietnamese message%n", attempts.size(), refused4xx, server5xx, residue, unreadable);
        attempts.stream().filter(a -> !a.ok()).limit(40).forEach(a -> System.out.println("  NOT REFUSED WELL: " + a));

        assertThat(attempts.size()).isGreaterThanOrEqualTo(300);
        assertThat(attempts).filteredOn(a -> !a.ok()).isEmpty();
    }

    // ---------------------------------------------------------------- generators

    record Mutation(String label, Object body) {
    }

    /** Every leaf of a valid body, each spoiled in every way that fits its type, plus whole-body faults. */
    private List<Mutation> mutations(Map<String, Object> valid) {
        List<Mutation> out = new ArrayList<>();
        spoil(valid, "", out::add, body -> body);
        return out;
    }

    @SuppressWarnings("unchecked")
    private void spoil(Object node, String path, Consumer<Mutation> out, java.util.function.Function<Object, Object> rebuild) {
        if (node instanceof Map<?, ?> map) {
            for (var key : map.keySet()) {
                Object value = map.get(key);
                String at = path.isEmpty() ? key.toString() : path + "." + key;
                spoil(value, at, out, replacement -> {
                    Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
                    copy.put(key, replacement);
                    return rebuild.apply(copy);
                });
            }
            if (!path.isEmpty()) {
                out.accept(new Mutation(path + " = chuỗi thay cho đối tượng", rebuild.apply("khong-phai-doi-tuong")));
            }
            return;
        }
        if (node instanceof List<?> list) {
            out.accept(new Mutation(path + " = [null]", rebuild.apply(java.util.Arrays.asList((Object) null))));
            out.accept(new Mutation(path + " = chuỗi thay cho danh sách", rebuild.apply("khong-phai-danh-sach")));
            if (!list.isEmpty() && (list.get(0) instanceof Map || list.get(0) instanceof List)) {
                spoil(list.get(0), path + "[0]", out, replacement -> {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(0, replacement);
                    return rebuild.apply(copy);
                });
            } else if (!list.isEmpty() && list.get(0) instanceof Number) {
                out.accept(new Mutation(path + "[0] tràn số", rebuild.apply(List.of(new Raw("1e400")))));
            }
            return;
        }
        if (node instanceof String text) {
            out.accept(new Mutation(path + " dài 100.001 ký tự", rebuild.apply(LONG_TEXT)));
            out.accept(new Mutation(path + " = đối tượng thay cho chuỗi", rebuild.apply(Map.of("x", 1))));
            if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                out.accept(new Mutation(path + " ngày không có thật", rebuild.apply("2031-02-30")));
            }
            return;
        }
        if (node instanceof Number) {
            out.accept(new Mutation(path + " tràn số", rebuild.apply(new Raw("1e400"))));
            out.accept(new Mutation(path + " vượt kiểu số", rebuild.apply(new Raw("99999999999999999999999"))));
            out.accept(new Mutation(path + " âm rất lớn", rebuild.apply(-2_000_000_000)));
            out.accept(new Mutation(path + " = chữ thay cho số", rebuild.apply("mười hai")));
            return;
        }
        if (node instanceof Boolean) {
            out.accept(new Mutation(path + " = chữ thay cho đúng/sai", rebuild.apply("có lẽ")));
        }
    }

    private void api(String user, String path, Map<String, Object> valid) {
        for (var mutation : mutations(valid)) {
            send(user, "POST " + path + " " + mutation.label(), HttpMethod.POST, path, toJson(mutation.body()));
        }
        send(user, "POST " + path + " JSON cắt cụt", HttpMethod.POST, path, "{\"a\": ");
        send(user, "POST " + path + " mảng thay cho đối tượng", HttpMethod.POST, path, "[]");
        send(user, "POST " + path + " thân rỗng", HttpMethod.POST, path, "");
    }

    private void uploads(String user) {
        upload(user, "exe đặt tên .pdf", "ke-hoach.pdf", "application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        upload(user, "HTML đặt tên .pdf", "ke-hoach.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes());
        upload(user, "tệp rỗng", "rong.pdf", "application/pdf", new byte[0]);
        upload(user, "tên tệp 1.000 ký tự", "a".repeat(1000) + ".pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
        upload(user, "PDF đặt tên .exe", "ke-hoach.exe", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var noFile = new LinkedMultiValueMap<String, Object>();
        noFile.add("khac", "x");
        record(user, "upload không có tệp", () -> rest.withBasicAuth(user, "demo")
                .exchange("/api/documents", HttpMethod.POST, new HttpEntity<>(noFile, headers), String.class));
    }

    private void upload(String user, String what, String fileName, String type, byte[] content) {
        record(user, "upload " + what, () -> rest.withBasicAuth(user, "demo").exchange("/api/documents", HttpMethod.POST,
                ApiClient.file(fileName, MediaType.parseMediaType(type), content), String.class));
    }

    /** Ids of the wrong type, unknown ids and ids past any number type, on reads and writes. */
    private void paths(Fixtures fx) {
        for (String bad : List.of("abc", "99999999999999999999999", "-1", "0", "987654321")) {
            for (String path : List.of("/api/campaigns/%s", "/api/dossiers/%s", "/api/council-sessions/%s",
                    "/api/launch-plans/%s", "/api/documents/%s", "/api/documents/%s/content", "/api/reviews/%s",
                    "/api/reviews/%s/report.xlsx", "/api/reviews/%s/report.csv", "/api/evaluation-rounds/%s/results.xlsx",
                    "/api/evaluation-rounds/%s/results.csv", "/api/evaluation-rounds/%s/blocks/KHOI_VHXH",
                    "/api/campaigns/%s/launch-plan-progress", "/public/campaigns/%s/exemplary-models",
                    "/api/reporting-rounds/%s", "/api/reporting-rounds/%s/progress",
                    "/api/reporting-rounds/%s/progress.csv", "/api/reporting-rounds?campaignId=%s",
                    "/api/award-revocations/%s", "/api/decisions/%s/certificates.xlsx")) {
                String url = path.formatted(bad);
                record("bantdkt", "GET " + url, () -> rest.withBasicAuth("bantdkt", "demo").getForEntity(url, String.class));
            }
            String open = "/api/campaigns/" + bad + "/open";
            send("bantdkt", "POST " + open, HttpMethod.POST, open, "{}");
            String close = "/api/reporting-rounds/" + bad + "/close";
            send("bantdkt", "POST " + close, HttpMethod.POST, close, "{}");
            String read = "/api/notifications/" + bad + "/read";
            send("canbo.syt", "POST " + read, HttpMethod.POST, read, "{}");
        }
        // Thông báo của tôi: pages out of bounds, and marking read by a role that only reads.
        for (String query : List.of("page=abc", "page=-1", "page=99999999999999999999", "size=0", "size=101", "size=1e3")) {
            send("canbo.syt", "GET /api/notifications/mine?" + query, HttpMethod.GET, "/api/notifications/mine?" + query, null);
        }
        send("kiemtoan", "POST /api/notifications/read-all (vai trò chỉ đọc)", HttpMethod.POST, "/api/notifications/read-all", "{}");
        record("canbo.syt", "POST /api/notifications/read-all từ trang khác", () -> {
            var headers = new HttpHeaders();
            headers.set("Origin", "https://trang-la.example");
            return rest.withBasicAuth("canbo.syt", "demo").exchange("/api/notifications/read-all", HttpMethod.POST,
                    new HttpEntity<>(null, headers), String.class);
        });
        // The Front's comment on a case: its body spoiled, an unknown case, ids that are not ids.
        api("mttq.giamsat", "/api/audit/cases/" + fx.dossierCase() + "/comments", Map.of("text", "Đề nghị làm rõ."));
        for (String bad : List.of("khong-co", "1%27%20or%20%271%27=%271", "x".repeat(300))) {
            send("mttq.giamsat", "POST comment on case " + bad, HttpMethod.POST, "/api/audit/cases/" + bad + "/comments",
                    "{\"text\":\"Ý kiến\"}");
            send("kiemtoan", "GET case " + bad, HttpMethod.GET, "/api/audit/cases/" + bad, null);
            send("kiemtoan", "GET diagram " + bad, HttpMethod.GET, "/api/audit/cases/" + bad + "/diagram", null);
            send("kiemtoan", "GET export.pdf " + bad, HttpMethod.GET, "/api/audit/cases/" + bad + "/export.pdf", null);
        }
        // Query parameters of the audit search and its exports: wrong types, impossible dates, unknown codes.
        for (String query : List.of("page=abc", "page=-1", "page=99999999999999999999", "size=0", "size=1e3",
                "size=99999999999999999999", "year=mười", "year=-2031", "from=2031-02-30", "to=abc",
                "from=2031-03-02&to=2031-03-01", "sort=title", "sort=startedAt;drop table dossier", "sort=year,len",
                "kind=<script>", "status=1' or '1'='1", "nominee=" + "Đ".repeat(201))) {
            for (String path : List.of("/api/audit/cases", "/api/audit/cases.csv", "/api/audit/cases.xlsx")) {
                String url = path + "?" + query;
                record("kiemtoan", "GET " + url, () -> rest.withBasicAuth("kiemtoan", "demo").getForEntity(url, String.class));
            }
        }
    }

    private void engine(String user, String what, String path, Map<String, Object> variables) {
        send(user, what, HttpMethod.POST, path, toJson(Map.of("variables", variables)));
    }

    /** Each form field of a task spoiled by type and length, then each protected variable written. */
    private void complete(String user, String taskId, Map<String, String> fields) {
        String path = "/engine-rest/task/" + taskId + "/complete";
        String label = "complete " + taskService.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey();
        for (var field : fields.entrySet()) {
            String name = field.getKey();
            Map<String, Object> wrongType = "Long".equals(field.getValue())
                    ? stringVariable("không phải số") : Map.of("value", 12345, "type", "Long");
            engine(user, label + " " + name + " sai kiểu", path, Map.of(name, wrongType));
            engine(user, label + " " + name + " dài 100.001 ký tự", path, Map.of(name, stringVariable(LONG_TEXT)));
            engine(user, label + " " + name + " kiểu lạ", path, Map.of(name, Map.of("value", "x", "type", "KieuLa")));
            engine(user, label + " " + name + " đối tượng Java tuần tự hóa", path, Map.of(name, Map.of("value", "rO0ABXQAAXg=",
                    "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
                            "serializationDataFormat", "application/x-java-serialized-object"))));
            if ("Date".equals(field.getValue()) || "Choice".equals(field.getValue())) {
                engine(user, label + " " + name + " giá trị không có", path, Map.of(name, stringVariable("2031-02-30-KHONG")));
            }
        }
        for (ProtectedVariables declared : protectedVariables) {
            for (String name : new TreeMap<>(Map.copyOf(declared.names().stream()
                    .collect(java.util.stream.Collectors.toMap(n -> n, n -> n)))).keySet()) {
                engine(user, label + " ghi đè biến hệ thống " + name, path, Map.of(name, Map.of("value", 1, "type", "Long")));
            }
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task survives").isEqualTo(1);
    }

    private static Map<String, Object> stringVariable(String value) {
        return Map.of("value", value, "type", "String");
    }

    // ---------------------------------------------------------------- sending and checking

    private void send(String user, String what, HttpMethod method, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        record(user, what, () -> rest.withBasicAuth(user, "demo")
                .exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    private void record(String user, String what, java.util.function.Supplier<ResponseEntity<String>> call) {
        Map<String, Long> before = counts();
        ResponseEntity<String> answer = call.get();
        Map<String, Long> after = counts();
        Map<String, Long> residue = new TreeMap<>();
        after.forEach((table, n) -> {
            long change = n - before.getOrDefault(table, 0L);
            if (change != 0) {
                residue.put(table, change);
            }
        });
        String body = answer.getBody() == null ? "" : answer.getBody();
        boolean vietnamese = body.matches("(?s).*[À-ỹĐđ].*");
        boolean internals = body.matches("(?is).*(exception|org\\.camunda|java\\.|jakarta\\.|hibernate|sql|\\bat [a-z]+\\.).*");
        attempts.add(new Attempt(user + " " + what, answer.getStatusCode().value(), vietnamese, internals, residue));
    }

    private List<String> tables;

    /** Row counts of our tables, the engine's runtime tables and its historic process instances. */
    private Map<String, Long> counts() {
        if (tables == null) {
            tables = jdbc.queryForList("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and lower(table_type) in ('table', 'base table')", String.class)
                    .stream().filter(t -> {
                        String name = t.toLowerCase();
                        return name.startsWith("act_ru_") || name.equals("act_hi_procinst")
                                || (!name.startsWith("act_") && !name.contains("schema_history"));
                    }).sorted().toList();
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    private String toJson(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(toJson(k.toString()) + ":" + toJson(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> elements = new ArrayList<>();
            list.forEach(e -> elements.add(toJson(e)));
            return "[" + String.join(",", elements) + "]";
        }
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- fixtures, made through the API

    record Fixtures(long campaignId, Map<String, Long> documents, long dossierId, String launchPlanTask, String headTask,
            String dossierCase) {
    }

    /** A session at "Văn thư vào số, ngày ký quyết định", before any hostile request is counted. */
    private String registrationTask() {
        Long dossier = council.acceptedCertificate("Thào A Páo");
        Long session = council.open("Phiên họp thử vào số", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")),
                List.of(dossier));
        council.allVote(session, List.of(dossier), "YES");
        council.completeAs("thuongtruc.hd", council.task(session, "Task_Submission"), Map.of("submissionNote", "Trình."));
        council.completeAs("chutich", council.task(session, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        return council.task(session, "Task_RegisterDecision").getId();
    }

    private Fixtures fixtures() throws Exception {
        var campaignBody = campaign();
        var created = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns", campaignBody, Map.class);
        assertThat(created.getStatusCode().value()).as("campaign %s", created.getBody()).isEqualTo(201);
        long campaignId = ((Number) created.getBody().get("id")).longValue();
        var opened = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/campaigns/" + campaignId + "/open", null, Map.class);
        assertThat(opened.getStatusCode().is2xxSuccessful()).as("open %s", opened.getBody()).isTrue();
        String launchPlanTask = taskService.createTaskQuery().processInstanceBusinessKey(campaignBody.get("code") + " | SYT")
                .taskDefinitionKey("Task_SubmitPlan").singleResult().getId();

        Map<String, Long> documents = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            documents.put(type, uploadPdf("canbo.nampo", type.toLowerCase() + ".pdf"));
        }
        var dossier = rest.withBasicAuth("canbo.nampo", "demo").postForEntity("/api/dossiers", proposal(documents), Map.class);
        assertThat(dossier.getStatusCode().value()).as("dossier %s", dossier.getBody()).isEqualTo(201);
        long dossierId = ((Number) dossier.getBody().get("id")).longValue();
        String headTask = taskService.createTaskQuery().taskDefinitionKey("Task_HeadConfirm")
                .taskCandidateGroup("thutruong.nampo").orderByTaskCreateTime().desc().list().get(0).getId();

        // Fresh documents for the mutations: those above now belong to the dossier.
        Map<String, Long> spare = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            spare.put(type, uploadPdf("canbo.nampo", type.toLowerCase() + "-2.pdf"));
        }
        return new Fixtures(campaignId, spare, dossierId, launchPlanTask, headTask,
                (String) dossier.getBody().get("processInstanceId"));
    }

    private long uploadPdf(String user, String fileName) {
        return api.uploadPdf(user, fileName);
    }

    private static Map<String, Object> campaign() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "HOSTILE-" + System.nanoTime() % 1_000_000_000 + "/KH-UBND");
        body.put("title", "Đợt thi đua kiểm thử đầu vào xấu");
        body.put("issuedOn", "2031-02-09");
        body.put("periodStartYear", 2031);
        body.put("periodEndYear", 2035);
        body.put("launchPlanDueBefore", "2031-03-30T00:00");
        body.put("timeZone", "Asia/Ho_Chi_Minh");
        body.put("reminderDaysBefore", List.of(10, 3));
        body.put("midTermReviewYear", 2033);
        body.put("finalReviewYear", 2035);
        body.put("demo", false);
        body.put("evaluationMonthDay", "12-15");
        return body;
    }

    private static Map<String, Object> proposal(Map<String, Long> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignCode", "383/KH-UBND");
        body.put("year", 2023);
        body.put("awardCode", "CERTIFICATE");
        body.put("nomineeKind", "INDIVIDUAL");
        body.put("proposingUnitCode", "NAMPO");
        Map<String, Object> nominee = new LinkedHashMap<>();
        nominee.put("fullName", "Giàng A Páo");
        nominee.put("gender", "Nam");
        nominee.put("birthYear", 1975);
        nominee.put("position", "Trưởng bản");
        nominee.put("workUnit", "Bản Huổi Lếch, xã Nà Hỳ");
        nominee.put("directWorker", true);
        body.put("nominee", nominee);
        body.put("achievementSummary", "Vận động nhân dân trồng rừng, giảm nghèo bền vững.");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("excellentYears", List.of(2022, 2023));
        facts.put("recognisedInitiatives", 2);
        facts.put("underDiscipline", false);
        body.put("facts", facts);
        body.put("documents", documents);
        return body;
    }
}
