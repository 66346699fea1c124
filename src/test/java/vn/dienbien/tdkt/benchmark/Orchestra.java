package vn.dienbien.tdkt.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench.mode=both}: ours and the baseline, each in its own JVM on its own fresh database (created and
 * dropped through the {@code test} database of the server DB_URL names), then {@code pgbench -N} with as many
 * clients as worker threads for {@code bench.pgbench-seconds} on its own database of the same server; repeated
 * {@code bench.repeat} times, the order of ours and the baseline alternating. Prints every figure of every repeat
 * beside the baseline's with the ratio, and the medians.
 */
final class Orchestra {

    private static final Pattern FIGURE = Pattern.compile("== FIGURE ([a-z0-9_]+)=([-0-9.]+|NaN|Infinity)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final int dossiers;
    private final int threads;
    private final int repeats;
    private final int history;
    private final int pgbenchSeconds;
    private final String url = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://localhost:5432/tdkt");
    private final String user = System.getenv().getOrDefault("DB_USER", "tdkt");
    private final String password = System.getenv().getOrDefault("DB_PASSWORD", "tdkt");

    Orchestra(int dossiers, int threads, int repeats, int history, int pgbenchSeconds) {
        this.dossiers = dossiers;
        this.threads = threads;
        this.repeats = repeats;
        this.history = history;
        this.pgbenchSeconds = pgbenchSeconds;
    }

    boolean run() throws Exception {
        System.out.printf("== Benchmark một năm của tỉnh, ours và mốc so sánh: %,d hồ sơ, %d luồng, %d lần lặp,"
                + " pgbench -N %d client %d s; %d lõi CPU; tùy chọn JVM riêng: ours [%s], mốc so sánh [%s]%n",
                dossiers, threads, repeats, threads, pgbenchSeconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.ours.jvm", "").trim(), System.getProperty("bench.baseline.jvm", "").trim());
        List<Map<String, Double>> ours = new ArrayList<>();
        List<Map<String, Double>> base = new ArrayList<>();
        List<Double> tps = new ArrayList<>();
        boolean ok = true;
        for (int r = 1; r <= repeats; r++) {
            for (String mode : r % 2 == 1 ? List.of("ours", "baseline") : List.of("baseline", "ours")) {
                String db = "tdkt_bench_" + mode;
                recreate(db);
                System.out.printf("%n== Lần %d/%d: %s trên CSDL %s%n", r, repeats, mode, db);
                Map<String, Double> figures = new LinkedHashMap<>();
                ok &= child(mode, db, figures);
                (mode.equals("ours") ? ours : base).add(figures);
                drop(db);
            }
            tps.add(pgbench());
            System.out.printf("%n== Lần %d/%d: pgbench -N, %d client: %.0f giao dịch/s%n", r, repeats, threads,
                    tps.get(tps.size() - 1));
            print("Lần " + r, ours.get(r - 1), base.get(r - 1), tps.get(r - 1));
        }
        Map<String, Double> oursMedian = medians(ours);
        Map<String, Double> baseMedian = medians(base);
        print("Trung vị của " + repeats + " lần", oursMedian, baseMedian, median(tps));
        return ok;
    }

    private void print(String title, Map<String, Double> ours, Map<String, Double> base, double tps) {
        System.out.printf("%n== %s: ours | mốc so sánh | tỷ lệ ours/mốc%n", title);
        Set<String> keys = new LinkedHashSet<>(ours.keySet());
        keys.addAll(base.keySet());
        for (String key : keys) {
            Double o = ours.get(key);
            Double b = base.get(key);
            System.out.printf("  %-26s %12s %12s %8s%n", key, format(o), format(b),
                    o == null || b == null || b == 0 ? "" : String.format("%.2f", o / b));
        }
        Double oTx = ours.get("tx");
        Double oRate = ours.get("awarded_per_s");
        Double bTx = base.get("tx");
        Double bRate = base.get("awarded_per_s");
        System.out.printf("  %-26s %12.0f%n", "pgbench_tps", tps);
        if (oTx != null && oRate != null && bTx != null && bRate != null && tps > 0) {
            System.out.printf("  %-26s %12.2f %12.2f %8.2f  (giao dịch/s đã commit ÷ tps của pgbench)%n",
                    "share_of_pgbench_tps", oTx * oRate / tps, bTx * bRate / tps, (oTx * oRate) / (bTx * bRate));
        }
    }

    private static String format(Double v) {
        return v == null ? "—" : String.format("%.2f", v);
    }

    private static Map<String, Double> medians(List<Map<String, Double>> runs) {
        Map<String, Double> m = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.keySet()));
        for (String key : keys) {
            List<Double> values = new ArrayList<>();
            runs.forEach(r -> {
                if (r.containsKey(key)) {
                    values.add(r.get(key));
                }
            });
            m.put(key, median(values));
        }
        return m;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One mode in its own JVM, its output echoed, its figures collected. */
    private boolean child(String mode, String db, Map<String, Double> figures) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dbench.mode=" + mode);
        command.add("-Dbench.dossiers=" + dossiers);
        command.add("-Dbench.threads=" + threads);
        command.add("-Dbench.history=" + ("ours".equals(mode) ? history : 0));
        command.add("-Dbench.warmup=" + ProvinceBenchmark.warmupDossiers());
        command.add("-Dbench.autovacuum.seconds=" + Long.getLong("bench.autovacuum.seconds", 60));
        command.add("-Dbench.reads-apart=" + Integer.getInteger("bench.reads-apart", 60));
        // The mode's own JVM options (bench.ours.jvm, bench.baseline.jvm; none by default): to see, in one run,
        // what a JVM setting does to each, alone or to both alike.
        for (String option : System.getProperty("bench." + mode + ".jvm", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ProvinceBenchmark.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DB_URL", urlOf(db));
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = FIGURE.matcher(line);
                if (m.find()) {
                    figures.put(m.group(1), Double.parseDouble(m.group(2)));
                } else if (!line.contains(" WARN ") && !line.startsWith("\tat ")) {
                    System.out.println("  | " + line);
                }
            }
        }
        int rc = process.waitFor();
        if (rc != 0) {
            System.out.println("== " + mode + " kết thúc với mã " + rc);
        }
        return rc == 0;
    }

    private double pgbench() throws Exception {
        String db = "tdkt_bench_pgbench";
        recreate(db);
        try {
            run(List.of("pgbench", "-i", "-q", "-h", host(), "-p", port(), "-U", user, db), null);
            StringBuilder out = new StringBuilder();
            run(List.of("pgbench", "-N", "-c", String.valueOf(threads), "-j", String.valueOf(threads), "-T",
                    String.valueOf(pgbenchSeconds), "-h", host(), "-p", port(), "-U", user, db), out);
            Matcher m = TPS.matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } finally {
            drop(db);
        }
    }

    private void run(List<String> command, StringBuilder into) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + text);
        }
        if (into != null) {
            into.append(text);
        }
    }

    private void recreate(String db) throws Exception {
        drop(db);
        admin("create database " + db);
    }

    private void drop(String db) throws Exception {
        admin("drop database if exists " + db + " with (force)");
    }

    private void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(urlOf("test"), user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String urlOf(String db) {
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
    }

    private String host() {
        return url.replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
    }

    private String port() {
        String p = url.replaceFirst("jdbc:postgresql://[^:/]+:?([0-9]*)/.*", "$1");
        return p.isEmpty() ? "5432" : p;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
