package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The benchmark's baseline (bench.mode=baseline): a plain Camunda 7 engine with its default standalone
 * configuration (history full, no plugins, authorization off, job executor off) on the empty database named by
 * DB_URL runs {@code baseline-dossier.bpmn} — 13 user tasks, a 9-member vote per dossier, the case data and
 * the three documents as process variables, no delegates — with the same thread pool, and prints the same
 * figures as our mode.
 */
final class BaselineBenchmark {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BATCH = 10;

    private final ProcessEngine engine;
    private final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    private final List<Double> taskLists = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();
    private volatile boolean measuring;

    private BaselineBenchmark(ProcessEngine engine) {
        this.engine = engine;
    }

    static boolean run(int dossiers, int threads, double loadBefore) throws Exception {
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://localhost:5432/tdkt");
        String user = System.getenv().getOrDefault("DB_USER", "tdkt");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "tdkt");
        var configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password)
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false);
        configuration.setJdbcMaxActiveConnections(threads + 4);
        ProcessEngine engine = configuration.buildProcessEngine();
        var dataSource = new SingleConnectionDataSource(url, user, password, true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Long existing = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
            if (existing > 0) {
                throw new IllegalStateException("Benchmark cần một cơ sở dữ liệu PostgreSQL trống (đã có " + existing
                        + " vụ việc): xóa và tạo lại cơ sở dữ liệu rồi chạy lại.");
            }
            engine.getRepositoryService().createDeployment().name("baseline")
                    .addClasspathResource("benchmark/baseline-dossier.bpmn").deploy();
            return new BaselineBenchmark(engine).measure(jdbc, dossiers, threads, loadBefore);
        } finally {
            dataSource.destroy();
            engine.close();
        }
    }

    private boolean measure(JdbcTemplate jdbc, int dossiers, int threads, double loadBefore) throws Exception {
        String database = jdbc.queryForObject("select current_database()", String.class);
        System.out.printf("== Benchmark một năm của tỉnh — MỐC SO SÁNH (Camunda mặc định, dữ liệu hồ sơ là biến quy"
                + " trình): %,d hồ sơ, %d luồng; %s; %d lõi CPU; heap tối đa %d MB; %s; load average trước khi chạy"
                + " %.2f%n", dossiers, threads,
                jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", ""),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ProvinceBenchmark.jvmOptions(), loadBefore);
        AutovacuumStandIn autovacuum = AutovacuumStandIn.startIfNeeded(jdbc);
        int warmup = ProvinceBenchmark.warmupDossiers();
        System.out.println("== Làm nóng: " + warmup + " hồ sơ (không tính)");
        for (int done = 0; done < warmup; done += BATCH) {
            batch(Math.min(BATCH, warmup - done));
        }
        timings.clear();
        completions.set(0);
        LiveSize liveBefore = LiveSize.measure(jdbc);
        Thread.sleep(11_000);
        Snapshot before = Snapshot.take(jdbc, database);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        if (autovacuum != null) {
            autovacuum.startSampling();
        }
        measuring = true;
        Thread reviewer = new Thread(this::sampleTaskLists, "bench-reviewer");
        reviewer.setDaemon(true);
        reviewer.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CpuMark start = CpuMark.take(database, 0);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < dossiers; from += BATCH) {
            int size = Math.min(BATCH, dossiers - from);
            futures.add(pool.submit(() -> {
                try {
                    batch(size);
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                    if (failures.size() <= 3) {
                        e.printStackTrace();
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long t1 = System.nanoTime();
        CpuMark end = CpuMark.take(database, 0);
        measuring = false;
        pool.shutdown();
        reviewer.join();
        if (autovacuum != null) {
            autovacuum.close();
        }
        int awarded = (int) engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()
                - ProvinceBenchmark.warmupDossiers();
        Thread.sleep(11_000);
        Snapshot after = Snapshot.take(jdbc, database);
        LiveSize liveAfter = LiveSize.measure(jdbc);
        new RunReport("Kết quả MỐC SO SÁNH", "hồ sơ kết thúc", awarded, dossiers, (t1 - t0) / 1e9, completions.get(),
                timings, taskLists, null, before, after,
                // The baseline keeps the documents' bytes as process variables, in the engine's byte arrays.
                new RunReport.Live(liveBefore, liveAfter, "act_ge_bytearray")).print();
        // Its whole run is dossiers: the same figures as ours' dossier part, beside them.
        end.withAwarded(awarded).printSince(start, "hồ sơ");
        System.out.printf(Locale.ROOT, "== FIGURE cpu_jit_ms=%.4f%n", end.jitMsSince(start, awarded));
        boolean ok = failures.isEmpty() && awarded == dossiers;
        System.out.println(ok ? "== Xong: mọi hồ sơ kết thúc." : "== LỖI: " + failures.size() + " lô lỗi, " + awarded
                + "/" + dossiers + "; " + failures.stream().limit(5).toList());
        return ok;
    }

    /** Ten dossiers, each from its start to its end, on this thread. */
    private void batch(int size) {
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        for (int i = 0; i < size; i++) {
            long t = System.nanoTime();
            VariableMap data = Variables.createVariables().putValue("campaignCode", "383/KH-UBND")
                    .putValue("year", 2023).putValue("awardCode", "CERTIFICATE").putValue("nomineeKind", "INDIVIDUAL")
                    .putValue("proposingUnitCode", "SYT").putValue("fullName", "Lò Thị Xuân " + serial.incrementAndGet())
                    .putValue("gender", "Nữ").putValue("birthYear", 1980).putValue("position", "Chuyên viên")
                    .putValue("workUnit", "Sở Y tế").putValue("excellentYears", "2022,2023")
                    .putValue("recognisedInitiatives", 2)
                    .putValue("achievementSummary", "Hoàn thành xuất sắc nhiệm vụ hai năm liền; hai sáng kiến được"
                            + " công nhận.")
                    .putValue("dueAt", new Date(System.currentTimeMillis() + 15L * 86_400_000));
            for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
                data.putValueTyped("doc_" + type, Variables.fileValue(type + ".pdf").file(PDF)
                        .mimeType("application/pdf").create());
            }
            String instance = runtime.startProcessInstanceByKey("baseline-dossier", "HS-" + serial.get(), data)
                    .getId();
            record("start (bắt đầu + biến hồ sơ)", t);
            boolean returned = i != 0;
            List<Task> open;
            while (!(open = tasks.createTaskQuery().processInstanceId(instance).list()).isEmpty()) {
                for (Task task : open) {
                    Map<String, Object> form = switch (task.getTaskDefinitionKey()) {
                        case "Task_Prepare" -> Map.of("documentsComplete", true);
                        case "Task_HeadConfirm" -> Map.of("headDecision", "CONFIRM");
                        case "Task_Appraise" -> {
                            String decision = returned ? "ACCEPT" : "RETURN";
                            returned = true;
                            yield "RETURN".equals(decision) ? Map.of("appraisalDecision", decision, "appraisalReason",
                                    "Thiếu biên bản họp Hội đồng thi đua cơ sở có chữ ký.")
                                    : Map.of("appraisalDecision", decision);
                        }
                        case "Task_Supplement" -> Map.of("supplementNote", "Đã bổ sung biên bản họp Hội đồng cơ sở.");
                        case "Task_ListForSession" -> Map.of("sessionTitle", "Phiên họp " + (serial.get() / BATCH));
                        case "Task_Vote" -> Map.of("vote_" + task.getAssignee(), "YES");
                        case "Task_CloseVoting" -> Map.of("yesVotes", 9, "totalVotes", 9);
                        case "Task_Submission" -> Map.of("submissionNote", "Đề nghị tặng Bằng khen.");
                        case "Task_ReviewSubmission" -> Map.of("reviewNote", "Đủ điều kiện trình.");
                        case "Task_Chairman" -> Map.of("chairmanDecision", "APPROVE_ALL");
                        case "Task_RegisterDecision" -> Map.of("decisionNumber", String.valueOf(serial.get()),
                                "signedOn", "2026-12-02");
                        case "Task_IssueDecision" -> Map.of("issued", true);
                        default -> Map.of("archived", true);
                    };
                    complete(task, form);
                }
            }
        }
    }

    private void complete(Task task, Map<String, Object> form) {
        long t = System.nanoTime();
        engine.getIdentityService().setAuthentication("user", List.of("ban-tdkt"));
        try {
            engine.getTaskService().complete(task.getId(), form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        record(task.getTaskDefinitionKey(), t);
        completions.incrementAndGet();
    }

    private void record(String what, long startNanos) {
        timings.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - startNanos) / 1e6);
    }

    private void sampleTaskLists() {
        while (measuring) {
            long t = System.nanoTime();
            engine.getIdentityService().setAuthentication("bantdkt", List.of("ban-tdkt"));
            try {
                engine.getTaskService().createTaskQuery().taskCandidateGroup("ban-tdkt").orderByDueDate().asc()
                        .listPage(0, 15);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            taskLists.add((System.nanoTime() - t) / 1e6);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
