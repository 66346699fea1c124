package vn.dienbien.tdkt.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the benchmark compares before and after the run: CPU of this JVM and of the PostgreSQL processes (from
 * /proc), the database's size, WAL position, committed transactions and, by table, size and rows inserted and
 * updated (PostgreSQL's statistics, flushed by idle backends within 10 s).
 */
record Snapshot(long jvmCpuNanos, long pgTicksAll, long pgTicksOurs, long pgTicksAutovacuum, int pgProcesses,
        long databaseBytes,
        String walLsn, long commits, Map<String, long[]> tables) {

    /** Clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK; 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    static Snapshot take(JdbcTemplate jdbc, String database) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long[] pg = postgresTicks(database);
        Map<String, long[]> tables = new LinkedHashMap<>();
        jdbc.query("select relname, pg_total_relation_size(relid), n_tup_ins, n_tup_upd, n_tup_del"
                + " from pg_stat_user_tables", rs -> {
                    tables.put(rs.getString(1).toLowerCase(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)});
                });
        return new Snapshot(jvm, pg[0], pg[1], pg[3], (int) pg[2],
                jdbc.queryForObject("select pg_database_size(current_database())", Long.class),
                jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class),
                jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                        Long.class),
                tables);
    }

    /**
     * utime + stime of every process named postgres, of the backends connected to {@code database}, how many
     * processes, and the ticks of the {@link AutovacuumStandIn}'s backend (part of the database's).
     */
    static long[] postgresTicks(String database) {
        long all = 0;
        long ours = 0;
        long count = 0;
        long autovacuum = 0;
        String standIn = String.valueOf(AutovacuumStandIn.backendPid());
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (!"postgres".equals(Files.readString(proc.resolve("comm")).trim())) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    all += ticks;
                    count++;
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                    if (cmdline.contains(" " + database + " ")) {
                        ours += ticks;
                        if (proc.getFileName().toString().equals(standIn)) {
                            autovacuum += ticks;
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return new long[] {-1, -1, 0, 0};
        }
        return new long[] {all, ours, count, autovacuum};
    }

    void printDelta(Snapshot before, int awarded) {
        double jvmMs = (jvmCpuNanos - before.jvmCpuNanos) / 1e6;
        double pgAllMs = (pgTicksAll - before.pgTicksAll) * 1000.0 / TICKS_PER_SECOND;
        double pgOursMs = (pgTicksOurs - before.pgTicksOurs) * 1000.0 / TICKS_PER_SECOND;
        System.out.println("Mỗi hồ sơ được khen thưởng:");
        System.out.printf("  CPU của JVM (cả luồng nền, GC)       %10.1f ms%n", jvmMs / awarded);
        System.out.printf("  CPU của PostgreSQL, các tiến trình   %10.1f ms  (mọi tiến trình postgres trên máy:"
                + " %.1f ms; máy dùng chung, con số này gồm cả việc của người khác)%n", pgOursMs / awarded,
                pgAllMs / awarded);
        System.out.println("    phục vụ cơ sở dữ liệu này");
        System.out.printf("    trong đó autovacuum thay thế       %10.1f ms  (VACUUM/ANALYZE trên kết nối riêng)%n",
                autovacuumMs(before) / awarded);
        System.out.printf("  CPU JVM + PostgreSQL (của CSDL này)  %10.1f ms%n", (jvmMs + pgOursMs) / awarded);
        System.out.printf("  Dung lượng cơ sở dữ liệu (tăng)      %10.1f KB%n",
                (databaseBytes - before.databaseBytes) / 1024.0 / awarded);
        System.out.printf("  WAL                                  %10.1f KB%n", walBytes(before) / 1024.0 / awarded);
        System.out.printf("  Giao dịch đã commit                  %10.1f%n", (commits - before.commits) / (double) awarded);
        Map<String, long[]> deltas = new HashMap<>();
        long ins = 0;
        long upd = 0;
        for (var entry : tables.entrySet()) {
            long[] was = before.tables.getOrDefault(entry.getKey(), new long[4]);
            long[] now = entry.getValue();
            long[] d = {now[0] - was[0], now[1] - was[1], now[2] - was[2], now[3] - was[3]};
            deltas.put(entry.getKey(), d);
            ins += d[1];
            upd += d[2];
        }
        System.out.printf("  Dòng thêm / sửa (mọi bảng)           %10.1f / %.1f%n", ins / (double) awarded,
                upd / (double) awarded);
        System.out.println();
        System.out.println("Theo bảng, mỗi hồ sơ được khen thưởng (15 bảng tăng nhiều nhất; dung lượng gồm chỉ mục và"
                + " TOAST):");
        System.out.printf("  %-32s %10s %9s %9s %9s%n", "bảng", "byte", "thêm", "sửa", "xóa");
        List<Map.Entry<String, long[]>> bySize = deltas.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15).toList();
        for (var e : bySize) {
            print(e.getKey(), e.getValue(), awarded);
        }
        System.out.println("Theo bảng, dòng thêm/sửa mỗi hồ sơ (15 bảng nhiều dòng nhất):");
        deltas.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[2],
                a.getValue()[1] + a.getValue()[2])).limit(15).forEach(e -> print(e.getKey(), e.getValue(), awarded));
        System.out.println();
    }

    /** The per-dossier figures {@link Orchestra} compares, by name. */
    Map<String, Double> figures(Snapshot before, int awarded) {
        Map<String, Double> f = new LinkedHashMap<>();
        double jvmMs = (jvmCpuNanos - before.jvmCpuNanos) / 1e6;
        double pgOursMs = (pgTicksOurs - before.pgTicksOurs) * 1000.0 / TICKS_PER_SECOND;
        f.put("cpu_jvm_ms", jvmMs / awarded);
        f.put("cpu_pg_ms", pgOursMs / awarded);
        f.put("cpu_total_ms", (jvmMs + pgOursMs) / awarded);
        f.put("cpu_pg_autovacuum_ms", autovacuumMs(before) / awarded);
        f.put("cpu_total_without_autovacuum_ms", (jvmMs + pgOursMs - autovacuumMs(before)) / awarded);
        f.put("db_kb", (databaseBytes - before.databaseBytes) / 1024.0 / awarded);
        f.put("wal_kb", walBytes(before) / 1024.0 / awarded);
        f.put("tx", (commits - before.commits) / (double) awarded);
        long ins = 0;
        long upd = 0;
        for (var entry : tables.entrySet()) {
            long[] was = before.tables.getOrDefault(entry.getKey(), new long[4]);
            ins += entry.getValue()[1] - was[1];
            upd += entry.getValue()[2] - was[2];
        }
        f.put("rows_inserted", ins / (double) awarded);
        f.put("rows_updated", upd / (double) awarded);
        return f;
    }

    private static void print(String table, long[] d, int awarded) {
        System.out.printf("  %-32s %,10d %9.1f %9.1f %9.1f%n", table, d[0] / awarded, d[1] / (double) awarded,
                d[2] / (double) awarded, d[3] / (double) awarded);
    }

    private double autovacuumMs(Snapshot before) {
        return (pgTicksAutovacuum - before.pgTicksAutovacuum) * 1000.0 / TICKS_PER_SECOND;
    }

    private long walBytes(Snapshot before) {
        return lsn(walLsn) - lsn(before.walLsn);
    }

    /** A pg_lsn text "X/Y" as a byte position (what pg_wal_lsn_diff computes). */
    static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
    }
}
