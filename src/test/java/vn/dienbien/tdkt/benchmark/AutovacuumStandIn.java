package vn.dienbien.tdkt.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What PostgreSQL's autovacuum would do during the run, when the server has it switched off (this machine's CI
 * configuration does, {@code autovacuum = off}). Without it no table is ever analyzed while the benchmark grows
 * them from empty: the planner keeps believing the tables are tiny and reads {@code dossier}, {@code stored_document}
 * … whole for every lookup by key, so each step costs more the more cases exist and the run slows down as it goes
 * (a 10,000-dossier run fell from 730 to 120 awarded dossiers a minute). A production server runs autovacuum (the
 * default); so does this stand-in, by autovacuum's own rules with its default thresholds and, by default, its
 * default pace ({@code autovacuum_naptime}, once a minute per database; {@code bench.autovacuum.seconds} to
 * change it): ANALYZE a table once more than 50 + 10% of its rows changed since the last, VACUUM it once more than
 * 50 + 20% are dead. Both modes of the benchmark get it; it does nothing when the server's autovacuum is on.
 *
 * <p>It works on a connection of its own, whose server process {@link #backendPid()} names: the benchmark reports
 * that process's CPU apart from the rest of PostgreSQL's (issue 12, thirteenth pass). Its VACUUMs of a mode's
 * busiest tables cost seconds each, more the more often they run, and whether one falls inside the measured part
 * moved the baseline's PostgreSQL CPU per dossier between 44 and 71 ms in runs of the same work.
 *
 * <p>Every {@value #SAMPLE_MS} ms it also counts the dead rows of the engine's runtime tables ({@code act_ru_*}),
 * and prints their mean and peak over the measured part ({@code runtime_dead_rows_mean}): what a statement on those
 * tables wades through between two VACUUMs, and with it the baseline's PostgreSQL CPU per dossier (issue 12,
 * sixteenth pass: 23,500 dead rows on average at a 60 s pace, 8,300–10,200 at 15 s; 72.6–75.2 against
 * 55.6–67.4 ms).
 */
final class AutovacuumStandIn implements AutoCloseable {

    private static volatile int backendPid = -1;
    static final long SAMPLE_MS = 2_000;

    private final JdbcTemplate jdbc;
    private final long everyMs;
    private final Thread thread;
    private volatile boolean running = true;
    private int analyzed;
    private int vacuumed;
    private volatile boolean sampling;
    private long samples;
    private long deadSum;
    private long deadPeak;

    private AutovacuumStandIn(SingleConnectionDataSource connection, long everyMs) {
        this.jdbc = new JdbcTemplate(connection);
        this.everyMs = everyMs;
        this.thread = new Thread(this::loop, "bench-autovacuum");
        thread.setDaemon(true);
    }

    /**
     * Started when the server's autovacuum is off, on its own connection to the database DB_URL names (as the
     * benchmark's own); null otherwise.
     */
    static AutovacuumStandIn startIfNeeded(JdbcTemplate jdbc) {
        if (!"off".equalsIgnoreCase(jdbc.queryForObject("show autovacuum", String.class))) {
            return null;
        }
        long everyMs = Long.getLong("bench.autovacuum.seconds", 60) * 1000;
        System.out.printf("== Máy chủ PostgreSQL tắt autovacuum: benchmark tự ANALYZE/VACUUM theo ngưỡng mặc định"
                + " của autovacuum, %d s một lần (như một máy chủ thật; autovacuum_naptime mặc định 60 s), trên kết nối"
                + " riêng; CPU của nó được tính riêng%n", everyMs / 1000);
        var connection = new SingleConnectionDataSource(
                System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://localhost:5432/tdkt"),
                System.getenv().getOrDefault("DB_USER", "tdkt"), System.getenv().getOrDefault("DB_PASSWORD", "tdkt"),
                true);
        AutovacuumStandIn standIn = new AutovacuumStandIn(connection, everyMs);
        backendPid = standIn.jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        standIn.thread.start();
        return standIn;
    }

    /** The server process of the stand-in's connection, or -1 when none runs. */
    static int backendPid() {
        return backendPid;
    }

    /** From now on, counts the runtime tables' dead rows (call when the measured part starts). */
    void startSampling() {
        sampling = true;
    }

    private void loop() {
        long nextPass = System.currentTimeMillis() + everyMs;
        while (running) {
            try {
                Thread.sleep(Math.max(1, Math.min(SAMPLE_MS, nextPass - System.currentTimeMillis())));
                if (sampling) {
                    sample();
                }
                if (System.currentTimeMillis() >= nextPass) {
                    pass();
                    nextPass = System.currentTimeMillis() + everyMs;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("   (autovacuum thay thế: " + e.getMessage() + ")");
            }
        }
    }

    private void sample() {
        Long dead = jdbc.queryForObject("select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables"
                + " where relname like 'act\\_ru\\_%'", Long.class);
        samples++;
        deadSum += dead;
        deadPeak = Math.max(deadPeak, dead);
    }

    private void pass() {
        List<String> toAnalyze = new ArrayList<>();
        List<String> toVacuum = new ArrayList<>();
        jdbc.query("select s.relname, s.n_mod_since_analyze, s.n_dead_tup, greatest(c.reltuples, 0)"
                + " from pg_stat_user_tables s join pg_class c on c.oid = s.relid", rs -> {
                    double tuples = rs.getDouble(4);
                    if (rs.getLong(2) > 50 + 0.1 * tuples) {
                        toAnalyze.add(rs.getString(1));
                    }
                    if (rs.getLong(3) > 50 + 0.2 * tuples) {
                        toVacuum.add(rs.getString(1));
                    }
                });
        for (String table : toVacuum) {
            jdbc.execute("vacuum \"" + table + "\"");
            vacuumed++;
        }
        for (String table : toAnalyze) {
            jdbc.execute("analyze \"" + table + "\"");
            analyzed++;
        }
    }

    /**
     * Stops the passes. The connection stays open until the JVM ends: the snapshot taken after the run must still
     * find its server process, or the CPU it spent would vanish from PostgreSQL's total.
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        System.out.printf("== Autovacuum thay thế: %d lần ANALYZE, %d lần VACUUM một bảng%n", analyzed, vacuumed);
        if (samples > 0) {
            System.out.printf(java.util.Locale.ROOT, "== Dòng chết trong các bảng act_ru_* khi đo: trung bình %,d,"
                    + " cao nhất %,d (%d lần đếm, %d s một lần)%n", deadSum / samples, deadPeak, samples,
                    SAMPLE_MS / 1000);
            System.out.printf(java.util.Locale.ROOT, "== FIGURE runtime_dead_rows_mean=%d%n", deadSum / samples);
        }
    }
}
