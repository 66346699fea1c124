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
 * sorted pages, of case timelines, of diagrams and of a few case PDFs; every case exported as CSV and
 * as XLSX, read as a stream while the heap is watched (and again for a tenth of them); the plans of the
 * search's and the timeline's queries; the ledger's size. Prints figures and asserts nothing about
 * speed; exits non-zero only when something is wrong (a sealed copy not intact, an answer that is not
 * 200, an export whose rows differ from the search's count).
 *
 * <p>Run: {@code ./mvnw -B -Paudit-benchmark verify -Dbench.cases=10000} with DB_URL, DB_USER,
 * DB_PASSWORD naming an empty PostgreSQL database (README, "Benchmark của kiểm tra").
 */
public final class AuditBenchmark {

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final BenchmarkHttp http;
    private final Random random = new Random(42);
    private final Map<String, List<Double>> timings = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<BenchmarkHttp.Export> exports = new ArrayList<>();
    private final List<BenchmarkHttp.Live> lives = new ArrayList<>();

    private AuditBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.http = new BenchmarkHttp(((WebServerApplicationContext) context).getWebServer().getPort(), "kiemtoan",
                "demo");
    }

    public static void main(String[] args) throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // As command-line arguments, so that they win over application.yaml (default properties do not).
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--tdkt.demo.enabled=true", "--tdkt.demo.campaign=false", "--tdkt.demo.simulated-year=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--logging.level.vn.dienbien.tdkt=warn"));
        settings.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
                .profiles("postgres").run(settings.toArray(String[]::new));
        boolean ok;
        try {
            ok = new AuditBenchmark(context).run(Integer.getInteger("bench.cases", 10_000), load);
        } finally {
            context.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run(int cases, double loadBefore) throws Exception {
        String header = String.format("== Benchmark của kiểm tra: %,d vụ việc đã kết thúc; %s; %d lõi CPU, heap tối"
                + " đa %s; tải máy (load average 1 phút) trước khi chạy %.2f", cases,
                jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", ""),
                Runtime.getRuntime().availableProcessors(), BenchmarkExplain.mb(Runtime.getRuntime().maxMemory()),
                loadBefore);
        System.out.println(header);
        System.out.println("== Nạp dữ liệu");
        var loaded = new BenchmarkLoader(context).load(cases, Integer.getInteger("bench.sealThreads", 2));
        String loading = String.format("Nạp: lô mẫu qua dịch vụ thật %d vụ việc trong %.1f s; nhân bản bằng SQL %,d vụ"
                + " việc trong %.1f s; niêm phong từng bản sao %.1f s; kiểm tra niêm phong %d vụ việc mẫu: %d nguyên"
                + " vẹn.%nTrong cơ sở dữ liệu: %s", loaded.seedCases(), loaded.seedSeconds(),
                loaded.caseIds().size() - loaded.seedCases(), loaded.copySeconds(), loaded.sealSeconds(),
                loaded.verified(), loaded.intact(), jdbc.queryForMap("select count(*) as vu_viec,"
                        + " count(END_TIME_) as da_ket_thuc, (select count(*) from dossier) as ho_so,"
                        + " (select count(*) from council_session) as phien_hop,"
                        + " (select count(*) from ACT_HI_ACTINST) as act_hi_actinst,"
                        + " (select count(*) from ACT_HI_DETAIL) as act_hi_detail,"
                        + " (select count(*) from audit_ledger) as audit_ledger,"
                        + " (select count(*) from audit_seal) as audit_seal from ACT_HI_PROCINST"));
        System.out.println(loading);

        var queries = new SearchQueries(jdbc, random);
        measureReads(loaded.caseIds(), queries);
        measureExports(queries.tenth());
        String loadAfter = String.format("Tải máy (load average 1 phút) khi đo xong: %.2f, trên %d lõi CPU.",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());

        var explain = new BenchmarkExplain(jdbc);
        System.out.println();
        System.out.println("== Kế hoạch truy vấn (EXPLAIN ANALYZE, BUFFERS)");
        SearchPlans.print(context, queries.samples());
        String dossierCase = jdbc.queryForObject("select process_instance_id from dossier where status = 'AWARDED'"
                + " order by id desc limit 1", String.class);
        Long dossierId = jdbc.queryForObject("select id from dossier where process_instance_id = ?", Long.class,
                dossierCase);
        System.out.println("-- Dòng thời gian của hồ sơ " + dossierCase);
        explain.timeline(dossierCase, CaseItems.Kind.DOSSIER, dossierId);

        System.out.println();
        System.out.println(header);
        System.out.println(loading);
        System.out.println(loadAfter);
        System.out.println();
        printFigures();
        System.out.println();
        explain.sizes();
        boolean ok = loaded.intact() == loaded.verified() && failures.isEmpty();
        System.out.println(ok ? "== Xong: mọi câu trả lời 200, mọi bản sao mẫu nguyên vẹn, số dòng xuất khớp số đếm."
                : "== LỖI: " + failures + (loaded.intact() == loaded.verified() ? "" : " — có vụ việc mẫu không nguyên vẹn"));
        return ok;
    }

    /** Searches, timelines, diagrams and PDFs, one at a time after a warm-up that is not counted. */
    private void measureReads(List<String> caseIds, SearchQueries queries) throws Exception {
        Set<String> sessions = new HashSet<>(jdbc.queryForList("select process_instance_id from council_session",
                String.class));
        for (int i = 0; i < 20; i++) {
            http.get("/api/audit/cases?" + queries.next().query());
            http.get("/api/audit/cases/" + pick(caseIds));
            if (i < 3) {
                http.get("/api/audit/cases/" + pick(caseIds) + "/export.pdf");
            }
        }
        for (int i = 0; i < Integer.getInteger("bench.searches", 200); i++) {
            var query = queries.next();
            timed(query.query(), "/api/audit/cases?" + query.query(), "Tra cứu: tất cả", "  tra cứu: " + query.kind());
        }
        for (int i = 0; i < Integer.getInteger("bench.timelines", 200); i++) {
            String caseId = pick(caseIds);
            timed(caseId, "/api/audit/cases/" + caseId, "Dòng thời gian: tất cả",
                    sessions.contains(caseId) ? "  dòng thời gian: phiên họp" : "  dòng thời gian: hồ sơ");
        }
        for (int i = 0; i < Integer.getInteger("bench.diagrams", 50); i++) {
            String caseId = pick(caseIds);
            timed(caseId, "/api/audit/cases/" + caseId + "/diagram", "Sơ đồ");
        }
        for (int i = 0; i < Integer.getInteger("bench.pdfs", 20); i++) {
            String caseId = pick(caseIds);
            timed(caseId, "/api/audit/cases/" + caseId + "/export.pdf", "PDF của vụ việc");
        }
    }

    private void timed(String what, String path, String... series) throws Exception {
        var answer = http.get(path);
        if (answer.status() != 200 && failures.size() < 20) {
            failures.add(what + " → HTTP " + answer.status());
        }
        for (String name : series) {
            timings.computeIfAbsent(name, k -> new ArrayList<>()).add(answer.millis());
        }
    }

    /** Every case, then a tenth of them, as CSV and XLSX: timed and watched, then again under forced GCs. */
    private void measureExports(String tenth) throws Exception {
        long total = SearchQueries.total(http.text("/api/audit/cases?size=1"));
        long tenthTotal = SearchQueries.total(http.text("/api/audit/cases?size=1&" + tenth));
        http.export("làm nóng", "/api/audit/cases.csv?" + tenth, false); // the first loads classes: not counted
        http.export("làm nóng", "/api/audit/cases.xlsx?" + tenth, true);
        exports.add(http.export("CSV, mọi vụ việc", "/api/audit/cases.csv", false));
        exports.add(http.export("XLSX, mọi vụ việc", "/api/audit/cases.xlsx", true));
        exports.add(http.export("CSV, một phần mười", "/api/audit/cases.csv?" + tenth, false));
        exports.add(http.export("XLSX, một phần mười", "/api/audit/cases.xlsx?" + tenth, true));
        lives.add(http.live("/api/audit/cases.csv"));
        lives.add(http.live("/api/audit/cases.xlsx"));
        lives.add(http.live("/api/audit/cases.csv?" + tenth));
        lives.add(http.live("/api/audit/cases.xlsx?" + tenth));
        for (var export : exports) {
            long expected = export.what().contains("mười") ? tenthTotal : total;
            if (export.rows() != expected) {
                failures.add(export.what() + ": " + export.rows() + " dòng, tra cứu đếm " + expected);
            }
        }
    }

    private void printFigures() {
        System.out.println("== Kết quả (mili giây, đo ở máy khách HTTP trong cùng JVM, từng yêu cầu một, sau 20 lượt"
                + " làm nóng)");
        System.out.printf("%-44s %6s %9s %9s %9s %9s%n", "Phép đo", "số lần", "p50", "p95", "p99", "max");
        timings.forEach((what, millis) -> System.out.printf("%-44s %6d %9.1f %9.1f %9.1f %9.1f%n", what,
                millis.size(), BenchmarkHttp.percentile(millis, 50), BenchmarkHttp.percentile(millis, 95),
                BenchmarkHttp.percentile(millis, 99), Collections.max(millis)));
        System.out.println();
        System.out.println("Heap: \"trước\" = dùng sau System.gc() trước khi xuất; \"đỉnh\" = lớn nhất khi lấy mẫu mỗi"
                + " 20 ms (gồm cả rác chưa dọn); \"GC để lại\" = lớn nhất mà các lần GC tự nhiên trong lúc xuất để lại;"
                + " \"sau\" = dùng sau System.gc() khi xong; \"giữ tối đa\" = lần xuất thứ hai, System.gc() mỗi 20 ms"
                + " trong lúc xuất, lớn nhất sau mỗi lần (số lần trong ngoặc). Các cột sau \"trước\" là chênh lệch so"
                + " với \"trước\".");
        System.out.printf("%-22s %9s %12s %7s %10s %10s %11s %9s %6s %17s%n", "Xuất tệp", "số dòng", "byte", "giây",
                "trước", "đỉnh", "GC để lại", "sau", "số GC", "giữ tối đa");
        for (int i = 0; i < exports.size(); i++) {
            var e = exports.get(i);
            var l = lives.get(i);
            System.out.printf("%-22s %,9d %,12d %7.2f %10s %10s %11s %9s %6d %17s%n", e.what(), e.rows(), e.bytes(),
                    e.seconds(), BenchmarkExplain.mb(e.baseline()), BenchmarkExplain.mb(e.peakDelta()),
                    e.liveDelta() < 0 ? "(không GC)" : BenchmarkExplain.mb(e.liveDelta()),
                    BenchmarkExplain.mb(e.afterGcDelta()), e.gcs(),
                    BenchmarkExplain.mb(l.maxDelta()) + " (" + l.collections() + ")");
        }
    }

    private String pick(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
    }
}
