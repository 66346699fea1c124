package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.TdktApplication;
import vn.dienbien.tdkt.council.CouncilScenario;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Benchmark một năm của tỉnh (first part, issue 12): the dossier chain under load. Starts the application on
 * PostgreSQL (profile postgres, demo accounts, no job executor; jobs driven explicitly), then {@code bench.threads}
 * worker threads take {@code bench.dossiers} certificate dossiers, ten to a council session, through our real
 * services and the engine's API: proposal with three documents, the head's confirmation, appraisal (one in ten
 * returned and resent), the session's seven ballots, submission, the Chairman's approval and the văn thư's
 * registration. Prints throughput, completion latencies by task, the reviewer's task list under load, CPU of the
 * JVM and of PostgreSQL, database, WAL and rows per awarded dossier, transactions and peak heap. Asserts nothing
 * about speed; exits non-zero when a dossier failed or did not end awarded.
 *
 * <p>Run: {@code ./mvnw -B -Pprovince-benchmark verify -Dbench.dossiers=1000 -Dbench.threads=4} with DB_URL,
 * DB_USER, DB_PASSWORD naming an empty PostgreSQL database (README, "Benchmark một năm của tỉnh").
 */
public final class ProvinceBenchmark {

    private static final int SESSION_SIZE = 10;
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final CouncilScenario council;
    private final DossierProposals proposals;
    private final DocumentService documents;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Map<String, CurrentUser> users = new ConcurrentHashMap<>();
    private final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    private final List<Double> taskLists = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();
    private volatile boolean measuring;

    private ProvinceBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.council = context.getBean(CouncilScenario.class);
        this.proposals = context.getBean(DossierProposals.class);
        this.documents = context.getBean(DocumentService.class);
        this.taskService = context.getBean(TaskService.class);
        this.identityService = context.getBean(IdentityService.class);
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "ours");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if ("baseline".equals(mode)) {
            System.exit(BaselineBenchmark.run(Integer.getInteger("bench.dossiers", 1000),
                    Integer.getInteger("bench.threads", 4), load) ? 0 : 1);
        } else if (!"ours".equals(mode)) {
            System.out.println("== bench.mode là ours hoặc baseline, không phải " + mode);
            System.exit(2);
        }
        // As command-line arguments, so that they win over application.yaml (default properties do not).
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--tdkt.demo.enabled=true", "--tdkt.demo.campaign=false", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--logging.level.vn.dienbien.tdkt=warn",
                "--spring.datasource.hikari.maximum-pool-size=" + (Integer.getInteger("bench.threads", 4) + 4)));
        settings.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TdktApplication.class)
                .profiles("postgres").run(settings.toArray(String[]::new));
        boolean ok;
        try {
            ok = new ProvinceBenchmark(context).run(Integer.getInteger("bench.dossiers", 1000),
                    Integer.getInteger("bench.threads", 4), load);
        } finally {
            context.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run(int dossiers, int threads, double loadBefore) throws Exception {
        Integer existing = jdbc.queryForObject("select count(*) from dossier", Integer.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("Benchmark cần một cơ sở dữ liệu PostgreSQL trống (đã có " + existing
                    + " hồ sơ): xóa và tạo lại cơ sở dữ liệu rồi chạy lại.");
        }
        String database = jdbc.queryForObject("select current_database()", String.class);
        System.out.printf("== Benchmark một năm của tỉnh (chuỗi hồ sơ): %,d hồ sơ, %d luồng, phiên họp %d hồ sơ;"
                + " %s; %d lõi CPU; heap tối đa %d MB; load average trước khi chạy %.2f%n", dossiers, threads,
                SESSION_SIZE, jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", ""),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadBefore);

        System.out.println("== Làm nóng: một phiên họp " + SESSION_SIZE + " hồ sơ (không tính)");
        batch(SESSION_SIZE);
        timings.clear();
        completions.set(0);
        Thread.sleep(11_000); // PostgreSQL 15 flushes an idle backend's statistics within 10 s
        Snapshot before = Snapshot.take(jdbc, database);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        measuring = true;
        Thread reviewer = new Thread(this::sampleTaskLists, "bench-reviewer");
        reviewer.setDaemon(true);
        reviewer.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int from = 0; from < dossiers; from += SESSION_SIZE) {
            int size = Math.min(SESSION_SIZE, dossiers - from);
            futures.add(pool.submit(() -> {
                try {
                    batch(size);
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                    if (failures.size() <= 3) {
                        e.printStackTrace();
                    }
                }
                int n = done.addAndGet(size);
                if (n % 100 == 0) {
                    System.out.printf("  %,d/%,d hồ sơ%n", n, dossiers);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long t1 = System.nanoTime();
        measuring = false;
        pool.shutdown();
        reviewer.join();
        int awarded = jdbc.queryForObject("select count(*) from dossier where status = 'AWARDED'", Integer.class)
                - SESSION_SIZE;
        Thread.sleep(11_000);
        Snapshot after = Snapshot.take(jdbc, database);
        new RunReport("Kết quả", "hồ sơ được khen thưởng", awarded, dossiers, (t1 - t0) / 1e9, completions.get(),
                timings, taskLists, "TaskService, nhóm ban-tdkt, với tư cách bantdkt, xếp theo hạn, trang đầu 15 dòng,"
                        + " lấy mẫu mỗi 200 ms trong lúc chạy", before, after).print();
        boolean ok = failures.isEmpty() && awarded == dossiers;
        System.out.println(ok ? "== Xong: mọi hồ sơ được khen thưởng."
                : "== LỖI: " + failures.size() + " phiên họp lỗi, " + awarded + "/" + dossiers + " được khen thưởng; "
                        + failures.stream().limit(5).toList());
        return ok;
    }

    /** A council session's worth of dossiers, from proposal to the registered decision, on this thread. */
    private void batch(int size) {
        List<Long> ids = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long t = System.nanoTime();
            Long id = propose();
            record("propose (đề nghị + 3 văn bản)", t);
            ids.add(id);
            instances.add(jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class,
                    id));
        }
        for (String instance : instances) {
            complete("lanhdao.syt", next(instance), Map.of("headDecision", "CONFIRM"));
        }
        for (int i = 0; i < size; i++) {
            if (i == 0) { // one in ten returned for a supplement, then resent and accepted
                complete("bantdkt", next(instances.get(i)), Map.of("appraisalDecision", "RETURN", "appraisalReason",
                        "Thiếu biên bản họp Hội đồng thi đua cơ sở có chữ ký."));
                complete("canbo.syt", next(instances.get(i)),
                        Map.of("supplementNote", "Đã bổ sung biên bản họp Hội đồng cơ sở."));
            }
            complete("bantdkt", next(instances.get(i)), Map.of("appraisalDecision", "ACCEPT"));
        }
        long t = System.nanoTime();
        Long sessionId = council.open("Phiên họp " + serial.incrementAndGet(), java.time.LocalDate.now().plusDays(7),
                ids);
        record("open (mở phiên họp)", t);
        String ballot = council.ballot(ids, "YES");
        for (String member : CouncilScenario.MEMBERS) {
            Task vote = taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId)
                    .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
            complete(member, vote, Variables.createVariables().putValueTyped("ballot",
                    Variables.byteArrayValue(ballot.getBytes(StandardCharsets.UTF_8), true)));
        }
        t = System.nanoTime();
        council.executeJobs(sessionId);
        record("jobs after votes (kiểm phiếu)", t);
        complete("thuongtruc.hd", council.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho " + size + " cá nhân."));
        complete("chutich", council.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        register(sessionId);
        council.executeJobs(sessionId);
    }

    /** The văn thư's registration; another session may take the proposed number first, then ask again. */
    private void register(Long sessionId) {
        Long scan = council.signedScan(CouncilScenario.CLERK);
        for (int attempt = 1;; attempt++) {
            var proposal = council.proposal(sessionId);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("decisionNumber", String.valueOf(proposal.proposedNumber()));
            form.put("signedOn", proposal.today().toString());
            form.put("signedScanId", String.valueOf(scan));
            try {
                complete(CouncilScenario.CLERK, council.task(sessionId, "Task_RegisterDecision"), form);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 10) {
                    throw e;
                }
                timings.computeIfAbsent("Task_RegisterDecision: lặp lại", k -> Collections.synchronizedList(
                        new ArrayList<>())).add(0.0);
            }
        }
    }

    private Long propose() {
        CurrentUser officer = user("canbo.syt");
        Map<String, Long> docs = new LinkedHashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            docs.put(type, documents.store(type + ".pdf", "application/pdf", PDF, officer).id());
        }
        return proposals.propose(new Proposal("383/KH-UBND", 2023, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee("Lò Thị Xuân " + serial.incrementAndGet(), "Nữ", 1980, "Chuyên viên", "Sở Y tế",
                        false, null, null, null, null, null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền; hai sáng kiến được công nhận.",
                new Proposal.Facts(List.of(2022, 2023), 2, false, false, false), docs), officer);
    }

    private Task next(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        if (task == null) {
            throw new IllegalStateException("không có việc để " + userId + " hoàn thành");
        }
        long t = System.nanoTime();
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        record(task.getTaskDefinitionKey(), t);
        completions.incrementAndGet();
    }

    private void record(String what, long startNanos) {
        timings.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - startNanos) / 1e6);
    }

    private CurrentUser user(String userId) {
        return users.computeIfAbsent(userId, id -> new CurrentUser(id, identityService.createGroupQuery()
                .groupMember(id).list().stream().map(Group::getId).toList()));
    }

    /** The reviewer opens Tasklist's list for the Board's group while the others work. */
    private void sampleTaskLists() {
        CurrentUser reviewer = user("bantdkt");
        while (measuring) {
            long t = System.nanoTime();
            identityService.setAuthentication(reviewer.userId(), reviewer.groupIds());
            try {
                taskService.createTaskQuery().taskCandidateGroup("ban-tdkt").orderByDueDate().asc().listPage(0, 15);
            } finally {
                identityService.clearAuthentication();
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
