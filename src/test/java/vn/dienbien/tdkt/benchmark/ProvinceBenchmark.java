package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.TdktApplication;
import vn.dienbien.tdkt.demo.ProvinceYearSimulator;

/**
 * Benchmark một năm của tỉnh (issue 12). {@code bench.mode=ours} starts the application on PostgreSQL (profile
 * postgres, demo accounts, no job executor; jobs driven explicitly) and lets {@link ProvinceYearSimulator} run a
 * province's year with {@code bench.threads} worker threads for the dossiers: the campaign's launch plans and
 * six-month reports of every unit (some late, returned and resent), an evaluation round in every block (its Flags),
 * then {@code bench.dossiers} certificate dossiers of individuals, collectives and households with the Flags, ten to
 * a council session, through our real services and the engine's API (one in twenty stopped at appraisal, about one
 * in eight returned and resent, now and then one voted down). While it runs, a reviewer opens Tasklist's list and an
 * auditor searches cases and reads a case's timeline (through /api, as kiemtoan). Prints throughput, completion
 * latencies by task, those reads, CPU of the JVM and of PostgreSQL, database, WAL and rows per awarded dossier,
 * transactions and peak heap. {@code bench.history=N} first preloads N finished historic dossiers
 * ({@link HistoryLoader}). {@code bench.mode=baseline} is {@link BaselineBenchmark}; {@code bench.mode=both} is
 * {@link Orchestra}. Asserts nothing about speed; exits non-zero when a step failed.
 *
 * <p>Run: {@code ./mvnw -B -Pprovince-benchmark verify -Dbench.dossiers=1000 -Dbench.threads=4} with DB_URL,
 * DB_USER, DB_PASSWORD naming an empty PostgreSQL database (README, "Benchmark một năm của tỉnh").
 */
public final class ProvinceBenchmark {

    private static final int SESSION_SIZE = 10;

    /**
     * Dossiers run before the measured year ({@code bench.warmup}, default one session's 10), in both modes alike: a
     * larger warm-up lets the JIT compiler finish before measuring, to see the steady state a server reaches.
     */
    static int warmupDossiers() {
        return Math.max(1, Integer.getInteger("bench.warmup", SESSION_SIZE));
    }

    /** This JVM's -XX options (from the command line or JAVA_TOOL_OPTIONS), printed with the figures they shape. */
    static String jvmOptions() {
        String options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:")).collect(java.util.stream.Collectors.joining(" "));
        return options.isEmpty() ? "JVM mặc định" : "JVM " + options;
    }
    private static final int MEASURED_YEAR = 2031;

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final ProvinceYearSimulator simulator;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    private final List<Double> taskLists = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> searches = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> timelines = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger readFailures = new AtomicInteger();
    private final AtomicInteger readRounds = new AtomicInteger();
    private volatile boolean measuring;

    private ProvinceBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.simulator = context.getBean(ProvinceYearSimulator.class);
        this.taskService = context.getBean(TaskService.class);
        this.identityService = context.getBean(IdentityService.class);
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "ours");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int dossiers = Integer.getInteger("bench.dossiers", 1000);
        int threads = Integer.getInteger("bench.threads", 4);
        switch (mode) {
            case "baseline" -> System.exit(BaselineBenchmark.run(dossiers, threads, load) ? 0 : 1);
            case "both" -> System.exit(new Orchestra(dossiers, threads, Integer.getInteger("bench.repeat", 3),
                    Integer.getInteger("bench.history", 0), Integer.getInteger("bench.pgbench-seconds", 20)).run()
                    ? 0 : 1);
            case "ours" -> {
            }
            default -> {
                System.out.println("== bench.mode là ours, baseline hoặc both, không phải " + mode);
                System.exit(2);
            }
        }
        int history = Integer.getInteger("bench.history", 0);
        // As command-line arguments, so that they win over application.yaml (default properties do not).
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--tdkt.demo.enabled=true", "--tdkt.demo.campaign=false", "--tdkt.demo.simulated-year=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.vn.dienbien.tdkt=warn",
                "--logging.level.vn.dienbien.tdkt.calendar=error",
                "--spring.datasource.hikari.maximum-pool-size=" + (threads + 6)));
        settings.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
                .profiles("postgres").run(settings.toArray(String[]::new));
        boolean ok;
        try {
            ok = new ProvinceBenchmark(context).run(dossiers, threads, history, load);
        } finally {
            context.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run(int dossiers, int threads, int history, double loadBefore) throws Exception {
        Integer existing = jdbc.queryForObject("select count(*) from dossier", Integer.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("Benchmark cần một cơ sở dữ liệu PostgreSQL trống (đã có " + existing
                    + " hồ sơ): xóa và tạo lại cơ sở dữ liệu rồi chạy lại.");
        }
        String database = jdbc.queryForObject("select current_database()", String.class);
        System.out.printf("== Benchmark một năm của tỉnh (mô phỏng cả năm): %,d hồ sơ Bằng khen + Cờ thi đua, %d luồng,"
                + " phiên họp %d hồ sơ; %s; %d lõi CPU; heap tối đa %d MB; %s; load average trước khi chạy %.2f%n",
                dossiers, threads, SESSION_SIZE,
                jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", ""),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, jvmOptions(),
                loadBefore);

        int warmup = warmupDossiers();
        System.out.println("== Làm nóng: một năm nhỏ (" + warmup + " hồ sơ, năm " + (MEASURED_YEAR - 1)
                + "; không tính)");
        AutovacuumStandIn autovacuum = AutovacuumStandIn.startIfNeeded(jdbc);
        var warm = simulator.simulate(new ProvinceYearSimulator.Settings(warmup, warmup > SESSION_SIZE ? threads : 1,
                11, MEASURED_YEAR - 1, SESSION_SIZE, false, false), ProvinceYearSimulator.Probe.NONE);
        System.out.println("   " + ProvinceYearSimulator.summary(warm));
        if (history > 0) {
            new HistoryLoader(jdbc).load(history);
        }
        int awardedBefore = jdbc.queryForObject("select count(*) from dossier where status = 'AWARDED'", Integer.class);
        // Live bytes need VACUUM FULL at both ends; skipped over a preloaded history (it would rewrite gigabytes).
        LiveSize liveBefore = history > 0 ? null : LiveSize.measure(jdbc);
        Thread.sleep(11_000); // PostgreSQL 15 flushes an idle backend's statistics within 10 s
        Snapshot before = Snapshot.take(jdbc, database);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        if (autovacuum != null) {
            autovacuum.startSampling();
        }
        measuring = true;
        Thread reader = new Thread(this::sampleReads, "bench-readers");
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        CpuMark yearStart = CpuMark.take(database, awarded());
        CpuMark[] dossierPart = new CpuMark[1];
        int[] roundsAtDossierPart = new int[1];
        var result = simulator.simulate(new ProvinceYearSimulator.Settings(dossiers, threads, 12, MEASURED_YEAR,
                SESSION_SIZE, false, false), new ProvinceYearSimulator.Probe() {
                    @Override
                    public void timed(String what, long nanos) {
                        timings.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(nanos / 1e6);
                    }

                    @Override
                    public void phase(String name) {
                        if ("dossiers".equals(name)) {
                            dossierPart[0] = CpuMark.take(database, awarded());
                            roundsAtDossierPart[0] = readRounds.get();
                        }
                    }
                });
        long t1 = System.nanoTime();
        CpuMark end = CpuMark.take(database, awarded());
        measuring = false;
        reader.join();
        if (autovacuum != null) {
            autovacuum.close();
        }
        int awarded = jdbc.queryForObject("select count(*) from dossier where status = 'AWARDED'", Integer.class)
                - awardedBefore;
        Thread.sleep(11_000);
        Snapshot after = Snapshot.take(jdbc, database);
        LiveSize liveAfter = history > 0 ? null : LiveSize.measure(jdbc);
        System.out.println("== Năm mô phỏng: " + ProvinceYearSimulator.summary(result));
        Map<String, List<Double>> reads = new LinkedHashMap<>();
        reads.put("Tra cứu hồ sơ (kiểm toán, /api)", searches);
        reads.put("Dòng thời gian một vụ việc (/api)", timelines);
        new RunReport("Kết quả", "hồ sơ được khen thưởng", awarded, dossiers, (t1 - t0) / 1e9,
                result.userTasksCompleted(), timings, taskLists, "TaskService, nhóm ban-tdkt, với tư cách bantdkt, xếp"
                        + " theo hạn, trang đầu 15 dòng; tra cứu: nominee \"Thị\", trang 20 dòng; dòng thời gian: một hồ"
                        + " sơ đã kết thúc chọn ngẫu nhiên; mỗi vòng cách 200 ms trong lúc chạy" + (history > 0
                                ? "; " + String.format("%,d", history) + " hồ sơ lịch sử nạp sẵn" : ""),
                before, after, reads, new RunReport.Live(liveBefore, liveAfter, "stored_document")).print();
        System.out.println("(Mỗi hồ sơ được khen thưởng gánh cả phần việc của cả năm: kế hoạch, báo cáo, kỳ đánh giá,"
                + " hồ sơ bị dừng hay không được khen thưởng.)");
        System.out.printf(Locale.ROOT, "== FIGURE cpu_jit_ms=%.4f%n", end.jitMsSince(yearStart, awarded));
        if (dossierPart[0] != null) {
            // What the baseline's run does: dossiers only, without the year's plans, reports and evaluation round.
            end.printSince(dossierPart[0], "hồ sơ (sau kế hoạch, báo cáo và kỳ đánh giá; như mốc so sánh)");
        }
        if (dossierPart[0] != null && Integer.getInteger("bench.reads-apart", 60) > 0) {
            measureReadsApart(database, Integer.getInteger("bench.reads-apart", 60), readRounds.get(),
                    readRounds.get() - roundsAtDossierPart[0], awarded, end.awarded() - dossierPart[0].awarded(),
                    after.figures(before, Math.max(1, awarded)).get("cpu_total_ms"), end.totalMsSince(dossierPart[0]));
        }
        boolean ok = result.failures().isEmpty() && readFailures.get() == 0;
        System.out.println(ok ? "== Xong." : "== LỖI: " + result.failures().size() + " phiên họp lỗi, "
                + readFailures.get() + " lần đọc lỗi; " + result.failures().stream().limit(5).toList());
        return ok;
    }

    private int awarded() {
        return jdbc.queryForObject("select count(*) from dossier where status = 'AWARDED'", Integer.class);
    }

    /** The reviewer's Tasklist, the auditor's search and a finished case's timeline, in turn, every 200 ms. */
    private void sampleReads() {
        ReadRound round = new ReadRound(user("bantdkt"), new Random(5));
        while (measuring) {
            try {
                round.run(taskLists, searches, timelines);
                readRounds.incrementAndGet();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (readFailures.incrementAndGet() <= 3) {
                    e.printStackTrace();
                }
            }
        }
    }

    /**
     * What the readers cost, measured apart once the year is done (the baseline runs only the reviewer's task list;
     * the auditor's search and timeline are ours alone): {@code rounds} rounds back to back with nothing else running,
     * CPU of the JVM and of this database's backends per round, times the rounds the year's readers made, per awarded
     * dossier. An estimate: during the year the same reads met colder caches and a busier server.
     */
    private void measureReadsApart(String database, int rounds, int yearRounds, int partRounds, int awarded,
            int partAwarded, double yearTotalMs, double partTotalMs) throws Exception {
        ReadRound round = new ReadRound(user("bantdkt"), new Random(7));
        List<Double> ignored = new ArrayList<>();
        for (int i = 0; i < Math.min(20, rounds); i++) {
            round.run(ignored, ignored, ignored);
        }
        CpuMark start = CpuMark.take(database, 0);
        for (int i = 0; i < rounds; i++) {
            round.run(ignored, ignored, ignored);
        }
        CpuMark end = CpuMark.take(database, 0);
        // Without the JIT compiler's threads: still compiling the reads' code here, which the year's reads shared with
        // the workers' compilation.
        double jit = (end.jitNanos() - start.jitNanos()) / 1e6 / rounds;
        double jvm = (end.jvmCpuNanos() - start.jvmCpuNanos()) / 1e6 / rounds - jit;
        double pg = (end.pgTicksOurs() - start.pgTicksOurs()) * 1000.0 / Snapshot.TICKS_PER_SECOND / rounds;
        double perAwarded = yearRounds * (jvm + pg) / Math.max(1, awarded);
        double partPerAwarded = partRounds * (jvm + pg) / Math.max(1, partAwarded);
        System.out.printf("== Phần đọc đo riêng (%d vòng liền nhau, không có việc khác): mỗi vòng JVM %.1f ms (không"
                + " kể JIT %.1f ms) + PostgreSQL %.1f ms; trong năm %d vòng = %.1f ms mỗi hồ sơ được khen thưởng (phần hồ sơ: %d vòng,"
                + " %.1f ms); CPU cả năm không kể phần đọc %.1f ms, phần hồ sơ %.1f ms%n", rounds, jvm, jit, pg, yearRounds,
                perAwarded, partRounds, partPerAwarded, yearTotalMs - perAwarded, partTotalMs - partPerAwarded);
        System.out.printf(Locale.ROOT, "== FIGURE reads_round_cpu_jvm_ms=%.4f%n", jvm);
        System.out.printf(Locale.ROOT, "== FIGURE reads_round_cpu_pg_ms=%.4f%n", pg);
        System.out.printf(Locale.ROOT, "== FIGURE reads_rounds=%d%n", yearRounds);
        System.out.printf(Locale.ROOT, "== FIGURE reads_cpu_ms=%.4f%n", perAwarded);
        System.out.printf(Locale.ROOT, "== FIGURE cpu_total_without_reads_ms=%.4f%n", yearTotalMs - perAwarded);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_reads_cpu_ms=%.4f%n", partPerAwarded);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_total_without_reads_ms=%.4f%n",
                partTotalMs - partPerAwarded);
    }

    /** One round of the readers: the reviewer's task list, the auditor's search, a random awarded case's timeline. */
    private final class ReadRound {
        private final CurrentUser reviewer;
        private final Random random;
        private final String auth = "Basic " + Base64.getEncoder().encodeToString(
                "kiemtoan:demo".getBytes(StandardCharsets.UTF_8));

        ReadRound(CurrentUser reviewer, Random random) {
            this.reviewer = reviewer;
            this.random = random;
        }

        void run(List<Double> lists, List<Double> searchTimes, List<Double> timelineTimes) throws Exception {
            long t = System.nanoTime();
            identityService.setAuthentication(reviewer.userId, reviewer.groups);
            try {
                taskService.createTaskQuery().taskCandidateGroup("ban-tdkt").orderByDueDate().asc().listPage(0, 15);
            } finally {
                identityService.clearAuthentication();
            }
            lists.add((System.nanoTime() - t) / 1e6);
            get("/api/audit/cases?kind=DOSSIER&nominee=" + URLEncoder.encode("Thị", StandardCharsets.UTF_8)
                    + "&size=20", auth, searchTimes);
            String caseId = randomAwardedCase(random);
            if (caseId != null) {
                get("/api/audit/cases/" + caseId, auth, timelineTimes);
            }
        }
    }

    /**
     * An awarded case picked at random: the first awarded dossier from a random id on (or the first of all), read
     * along the primary key. The benchmark's own bookkeeping, counted in ours' database CPU like the reads it picks
     * for: so not a count of the awarded and an offset into them, which read half the dossier table every round
     * (a third of the reads' PostgreSQL time at N=10,000, issue 12's twenty-first pass).
     */
    private String randomAwardedCase(Random random) {
        Long last = jdbc.queryForObject("select max(id) from dossier", Long.class);
        if (last == null) {
            return null;
        }
        long from = 1 + (long) (random.nextDouble() * last);
        List<String> found = jdbc.queryForList("select process_instance_id from dossier where status = 'AWARDED'"
                + " and id >= ? order by id limit 1", String.class, from);
        if (found.isEmpty()) {
            found = jdbc.queryForList("select process_instance_id from dossier where status = 'AWARDED'"
                    + " order by id limit 1", String.class);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private void get(String path, String auth, List<Double> into) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        into.add((System.nanoTime() - t) / 1e6);
    }

    private record CurrentUser(String userId, List<String> groups) {
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    ConfigurableApplicationContext context() {
        return context;
    }
}
