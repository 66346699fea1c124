package vn.dienbien.tdkt.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL's autovacuum would do during the run, when the server has it switched off (this machine's CI
 * configuration does, {@code autovacuum = off}). Without it no table is ever analyzed while the benchmark grows
 * them from empty: the planner keeps believing the tables are tiny and reads {@code dossier}, {@code stored_document}
 * … whole for every lookup by key, so each step costs more the more cases exist and the run slows down as it goes
 * (a 10,000-dossier run fell from 730 to 120 awarded dossiers a minute). A production server runs autovacuum (the
 * default); so does this stand-in, by autovacuum's own rules with its default thresholds, every 15 s: ANALYZE a table
 * once more than 50 + 10% of its rows changed since the last, VACUUM it once more than 50 + 20% are dead. Both
 * modes of the benchmark get it; it does nothing when the server's autovacuum is on.
 */
final class AutovacuumStandIn implements AutoCloseable {

    private static final long EVERY_MS = 15_000;

    private final JdbcTemplate jdbc;
    private final Thread thread;
    private volatile boolean running = true;
    private int analyzed;
    private int vacuumed;

    private AutovacuumStandIn(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.thread = new Thread(this::loop, "bench-autovacuum");
        thread.setDaemon(true);
    }

    /** Started when the server's autovacuum is off; null otherwise. */
    static AutovacuumStandIn startIfNeeded(JdbcTemplate jdbc) {
        if (!"off".equalsIgnoreCase(jdbc.queryForObject("show autovacuum", String.class))) {
            return null;
        }
        System.out.println("== Máy chủ PostgreSQL tắt autovacuum: benchmark tự ANALYZE/VACUUM theo ngưỡng mặc định"
                + " của autovacuum, 15 s một lần (như một máy chủ thật)");
        AutovacuumStandIn standIn = new AutovacuumStandIn(jdbc);
        standIn.thread.start();
        return standIn;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(EVERY_MS);
                pass();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("   (autovacuum thay thế: " + e.getMessage() + ")");
            }
        }
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

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        System.out.printf("== Autovacuum thay thế: %d lần ANALYZE, %d lần VACUUM một bảng%n", analyzed, vacuumed);
    }
}
