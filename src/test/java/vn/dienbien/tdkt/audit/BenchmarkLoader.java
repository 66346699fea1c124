package vn.dienbien.tdkt.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nạp hồ sơ đã kết thúc cho benchmark: one batch through the real services, copied by SQL until
 * {@code cases} finished cases exist, each copy sealed in its own transaction as the application seals
 * a case, then a sample verified against its seal and the tables analysed as autovacuum would.
 */
final class BenchmarkLoader {

    /** What was loaded. */
    record Loaded(List<String> caseIds, int seedCases, int batchCases, double seedSeconds, double copySeconds,
            double sealSeconds, int verified, int intact) {
    }

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final CaseLedger ledger;
    private final TransactionTemplate transactions;

    BenchmarkLoader(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.ledger = context.getBean(CaseLedger.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    Loaded load(int cases, int sealThreads) throws Exception {
        Integer existing = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("Benchmark cần một cơ sở dữ liệu PostgreSQL trống (đã có " + existing
                    + " vụ việc): xóa và tạo lại cơ sở dữ liệu rồi chạy lại.");
        }
        long t0 = System.nanoTime();
        var seed = new BenchmarkSeed(context.getBean(vn.dienbien.tdkt.council.CouncilScenario.class),
                context.getBean(vn.dienbien.tdkt.dossier.DossierProposals.class),
                context.getBean(vn.dienbien.tdkt.document.DocumentService.class),
                context.getBean(org.camunda.bpm.engine.TaskService.class), jdbc,
                context.getBean(org.camunda.bpm.engine.ManagementService.class));
        BenchmarkSeed.Batch batch = seed.run(LocalDateTime.of(2024, 3, 4, 8, 0));
        List<String> seedCases = jdbc.queryForList("select ID_ from ACT_HI_PROCINST where END_TIME_ is not null"
                + " and PROC_DEF_KEY_ in ('award-dossier', 'council-session') order by ID_", String.class);
        if (seedCases.size() != batch.cases()) {
            throw new IllegalStateException("Lô mẫu phải có " + batch.cases() + " vụ việc đã kết thúc, có "
                    + seedCases.size());
        }
        long t1 = System.nanoTime();
        int copies = Math.max(0, (cases + batch.cases() - 1) / batch.cases() - 1);
        var cloner = new HistoryCloner(jdbc);
        List<String> copied = transactions.execute(s -> cloner.copy(batch, copies, LocalDate.of(2022, 1, 10),
                LocalDate.of(2026, 6, 30)));
        long t2 = System.nanoTime();
        seal(copied, sealThreads);
        cloner.dropMaps();
        long t3 = System.nanoTime();
        List<String> all = new ArrayList<>(seedCases);
        all.addAll(copied);
        List<String> sample = new ArrayList<>(copied);
        Collections.shuffle(sample, new Random(7));
        sample = new ArrayList<>(sample.subList(0, Math.min(20, sample.size())));
        sample.addAll(seedCases);
        int intact = 0;
        for (String caseId : sample) {
            var verification = ledger.verify(caseId);
            if (verification.intact()) {
                intact++;
            } else {
                System.out.println("  KHÔNG NGUYÊN VẸN: " + caseId + " " + verification.problems() + " "
                        + verification.itemStates().entrySet().stream().filter(e -> !"OK".equals(e.getValue()))
                                .limit(5).toList());
            }
        }
        jdbc.execute("analyze");
        return new Loaded(all, seedCases.size(), batch.cases(), seconds(t0, t1), seconds(t1, t2), seconds(t2, t3),
                sample.size(), intact);
    }

    private void seal(List<String> caseIds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, caseIds.size() / (threads * 20));
            for (int from = 0; from < caseIds.size(); from += chunk) {
                List<String> part = caseIds.subList(from, Math.min(caseIds.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    for (String caseId : part) {
                        transactions.executeWithoutResult(s -> ledger.seal(List.of(caseId)));
                        int n = done.incrementAndGet();
                        if (n % 2000 == 0) {
                            System.out.printf("  đã niêm phong %,d/%,d%n", n, caseIds.size());
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
