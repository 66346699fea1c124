package vn.dienbien.tdkt.audit;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.TdktApplication;

/**
 * Benchmark của kiểm tra: starts the application on PostgreSQL (profile postgres, demo accounts, no
 * job executor), loads {@code bench.cases} finished cases (default 10,000; see {@link BenchmarkLoader}),
 * then, over HTTP as the auditor {@code kiemtoan}: p50/p95/p99 of searches with mixed filters and
 * sorted pages, of case timelines and of diagrams; every case exported as CSV and as XLSX, read as a
 * stream and discarded while the heap is sampled every 20 ms (and again for a tenth of them); the
 * plans of the search's and the timeline's queries; the ledger's size. Prints figures, asserts
 * nothing about speed; exits non-zero only when something is wrong (a sealed copy not intact, an
 * answer that is not 200, an export whose rows differ from the search's count).
 *
 * <p>Run: {@code ./mvnw -Paudit-benchmark verify -Dbench.cases=10000} with DB_URL, DB_USER,
 * DB_PASSWORD naming an empty PostgreSQL database (see README, "Benchmark của kiểm tra").
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 10_000);
        int searches = Integer.getInteger("bench.searches", 200);
        int timelines = Integer.getInteger("bench.timelines", 200);
        int diagrams = Integer.getInteger("bench.diagrams", 50);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // As command-line arguments, so that they win over application.yaml (default properties do not).
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--tdkt.demo.enabled=true", "--tdkt.demo.campaign=false", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--logging.level.vn.dienbien.tdkt=warn"));
        settings.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
                .profiles("postgres").run(settings.toArray(String[]::new));
        boolean ok;
        try {
            ok = run(context, cases, searches, timelines, diagrams, load);
        } finally {
            context.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(ConfigurableApplicationContext context, int cases, int searches, int timelines,
            int diagrams, double loadBefore) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.printf("== Benchmark của kiểm tra: %,d vụ việc đã kết thúc; %s; %d lõi CPU, heap tối đa %s;"
                + " tải máy trước khi chạy %.2f%n", cases, jdbc.queryForObject("select version()", String.class)
                        .replaceAll(" on .*", ""), Runtime.getRuntime().availableProcessors(),
                BenchmarkExplain.mb(Runtime.getRuntime().maxMemory()), loadBefore);

        System.out.println("== Nạp dữ liệu");
        var loaded = new BenchmarkLoader(context).load(cases, Integer.getInteger("bench.sealThreads", 2));
        boolean ok = loaded.intact() == loaded.verified();
        Map<String, Object> counts = jdbc.queryForMap("select count(*) as all_cases, count(end_time_) as finished,"
                + " (select count(*) from dossier) as dossiers, (select count(*) from council_session) as sessions,"
                + " (select count(*) from ACT_HI_ACTINST) as actinst, (select count(*) from ACT_HI_DETAIL) as detail,"
                + " (select count(*) from audit_ledger) as ledger from ACT_HI_PROCINST");
        System.out.printf("Lô mẫu qua dịch vụ thật: %d vụ việc trong %.1f s; nhân bản bằng SQL: %,d vụ việc trong"
                + " %.1f s; niêm phong từng bản sao: %.1f s; kiểm tra niêm phong %d vụ việc mẫu: %d nguyên vẹn%n",
                loaded.seedCases(), loaded.seedSeconds(), loaded.caseIds().size() - loaded.seedCases(),
                loaded.copySeconds(), loaded.sealSeconds(), loaded.verified(), loaded.intact());
        System.out.println("Trong cơ sở dữ liệu: " + counts);

        var http = new BenchmarkHttp(port, "kiemtoan", "demo");
        Set<String> sessions = new HashSet<>(jdbc.queryForList("select process_instance_id from council_session",
                String.class));
        Random random = new Random(42);
        var queries = new SearchQueries(jdbc, random);
        boolean searchAvailable = http.get("/api/audit/cases?size=1").status() == 200;

        Map<String, List<Double>> timings = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // warm-up, not counted
            if (searchAvailable) {
                http.get("/api/audit/cases?" + queries.next().query());
            }
            http.get("/api/audit/cases/" + pick(loaded.caseIds(), random));
        }
        if (searchAvailable) {
            for (int i = 0; i < searches; i++) {
                var query = queries.next();
                var answer = http.get("/api/audit/cases?" + query.query());
                check(answer, query.query(), failures);
                timings.computeIfAbsent("Tra cứu: tất cả", k -> new ArrayList<>()).add(answer.millis());
                timings.computeIfAbsent("  tra cứu: " + query.kind(), k -> new ArrayList<>()).add(answer.millis());
            }
        }
        for (int i = 0; i < timelines; i++) {
            String caseId = pick(loaded.caseIds(), random);
            var answer = http.get("/api/audit/cases/" + caseId);
            check(answer, caseId, failures);
            timings.computeIfAbsent("Dòng thời gian: tất cả", k -> new ArrayList<>()).add(answer.millis());
            timings.computeIfAbsent(sessions.contains(caseId) ? "  dòng thời gian: phiên họp"
                    : "  dòng thời gian: hồ sơ", k -> new ArrayList<>()).add(answer.millis());
        }
        for (int i = 0; i < diagrams; i++) {
            String caseId = pick(loaded.caseIds(), random);
            var answer = http.get("/api/audit/cases/" + caseId + "/diagram");
            check(answer, caseId + "/diagram", failures);
            timings.computeIfAbsent("Sơ đồ", k -> new ArrayList<>()).add(answer.millis());
        }

        List<BenchmarkHttp.Export> exports = new ArrayList<>();
        if (searchAvailable) {
            long total = SearchQueries.total(http.text("/api/audit/cases?size=1"));
            String tenth = queries.tenth();
            long tenthTotal = SearchQueries.total(http.text("/api/audit/cases?size=1&" + tenth));
            exports.add(http.export("CSV, mọi vụ việc", "/api/audit/cases.csv", false));
            exports.add(http.export("XLSX, mọi vụ việc", "/api/audit/cases.xlsx", true));
            exports.add(http.export("CSV, một phần mười", "/api/audit/cases.csv?" + tenth, false));
            exports.add(http.export("XLSX, một phần mười", "/api/audit/cases.xlsx?" + tenth, true));
            for (var export : exports) {
                long expected = export.what().contains("mười") ? tenthTotal : total;
                if (export.rows() != expected) {
                    failures.add(export.what() + ": " + export.rows() + " dòng, tra cứu đếm " + expected);
                }
            }
        }

        System.out.println();
        System.out.println("== Kết quả (mili giây; đo từ máy khách HTTP trong cùng JVM, tuần tự, sau 20 lượt làm nóng)");
        System.out.printf("%-44s %6s %9s %9s %9s %9s%n", "Phép đo", "số lần", "p50", "p95", "p99", "max");
        timings.forEach((what, millis) -> System.out.printf("%-44s %6d %9.1f %9.1f %9.1f %9.1f%n", what,
                millis.size(), BenchmarkHttp.percentile(millis, 50), BenchmarkHttp.percentile(millis, 95),
                BenchmarkHttp.percentile(millis, 99), Collections.max(millis)));
        if (!searchAvailable) {
            System.out.println("(chưa có /api/audit/cases: tra cứu và xuất tệp chưa đo)");
        }
        if (!exports.isEmpty()) {
            System.out.println();
            System.out.printf("%-24s %9s %12s %8s %11s %14s %16s %5s%n", "Xuất tệp", "số dòng", "byte", "giây",
                    "heap trước", "đỉnh heap − trước", "sau GC − trước", "số GC");
            for (var e : exports) {
                System.out.printf("%-24s %,9d %,12d %8.2f %11s %14s %16s %5d%n", e.what(), e.rows(), e.bytes(),
                        e.seconds(), BenchmarkExplain.mb(e.baseline()), BenchmarkExplain.mb(e.peakDelta()),
                        BenchmarkExplain.mb(e.afterGcDelta()), e.gcs());
            }
        }
        System.out.println();
        var explain = new BenchmarkExplain(jdbc);
        explain.sizes();
        System.out.println();
        System.out.println("== Kế hoạch truy vấn (EXPLAIN ANALYZE, BUFFERS)");
        if (searchAvailable) {
            SearchPlans.print(explain, context, queries.samples());
        }
        String dossierCase = jdbc.queryForObject("select process_instance_id from dossier where status = 'AWARDED'"
                + " order by id desc limit 1", String.class);
        Long dossierId = jdbc.queryForObject("select id from dossier where process_instance_id = ?", Long.class,
                dossierCase);
        System.out.println("-- Dòng thời gian của hồ sơ " + dossierCase);
        explain.timeline(dossierCase, CaseItems.Kind.DOSSIER, dossierId);

        if (!failures.isEmpty() || !ok) {
            System.out.println("== LỖI: " + failures + (ok ? "" : " — có vụ việc mẫu không nguyên vẹn"));
            return false;
        }
        System.out.println("== Xong: mọi câu trả lời 200, mọi bản sao mẫu nguyên vẹn, số dòng xuất khớp số đếm.");
        return true;
    }

    private static void check(BenchmarkHttp.Timed answer, String what, List<String> failures) {
        if (answer.status() != 200 && failures.size() < 20) {
            failures.add(what + " → HTTP " + answer.status());
        }
    }

    private static String pick(List<String> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
    }
}
