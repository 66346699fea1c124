package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What both modes of the benchmark print at the end of a run, in the same layout so they compare line by line. */
record RunReport(String title, String unitDone, int done, int dossiers, double seconds, int completions,
        Map<String, List<Double>> timings, List<Double> taskLists, String taskListNote, Snapshot before,
        Snapshot after, Map<String, List<Double>> reads, Live live) {

    /** The database's live bytes before and after (null: not measured), and the table of documents' content. */
    record Live(LiveSize before, LiveSize after, String documentsTable) {
    }

    RunReport(String title, String unitDone, int done, int dossiers, double seconds, int completions,
            Map<String, List<Double>> timings, List<Double> taskLists, String taskListNote, Snapshot before,
            Snapshot after, Live live) {
        this(title, unitDone, done, dossiers, seconds, completions, timings, taskLists, taskListNote, before, after,
                Map.of(), live);
    }

    /** The sum of the heap pools' peaks since the JVM started. */
    static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    void print() {
        System.out.println();
        System.out.printf("== %s: %,d %s / %,d trong %.1f s; load average khi xong %.2f%n", title, done, unitDone,
                dossiers, seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("Hồ sơ được khen thưởng mỗi giây        %10.2f%n", done / seconds);
        System.out.printf("Hoàn thành user task mỗi giây          %10.2f  (%,d lần)%n", completions / seconds,
                completions);
        System.out.println();
        System.out.printf("%-34s %7s %8s %8s %8s %8s%n", "Bước (ms)", "số lần", "p50", "p95", "p99", "max");
        new TreeMap<>(timings).forEach(RunReport::printLatencies);
        printLatencies("Danh sách việc của chuyên viên", taskLists);
        if (taskListNote != null) {
            System.out.println("  (" + taskListNote + ")");
        }
        reads.forEach(RunReport::printLatencies);
        System.out.println();
        after.printDelta(before, Math.max(1, done));
        if (live != null && live.after() != null) {
            live.after().print(live.before(), Math.max(1, done), live.documentsTable());
        }
        System.out.printf("Heap đỉnh (tổng đỉnh các vùng heap)   %,10d MB%n", heapPeak() >> 20);
        // For bench.mode=both, which runs each mode in its own JVM and compares these lines.
        figures().forEach((k, v) -> System.out.printf(java.util.Locale.ROOT, "== FIGURE %s=%.4f%n", k, v));
    }

    /** The figures compared with the baseline, by name. */
    Map<String, Double> figures() {
        Map<String, Double> f = new java.util.LinkedHashMap<>();
        f.put("awarded_per_s", done / seconds);
        f.put("completions_per_s", completions / seconds);
        List<Double> all = new ArrayList<>();
        timings.forEach((k, v) -> {
            if (k.startsWith("Task_")) {
                synchronized (v) {
                    all.addAll(v);
                }
            }
        });
        Collections.sort(all);
        if (!all.isEmpty()) {
            f.put("task_p50_ms", percentile(all, 50));
            f.put("task_p95_ms", percentile(all, 95));
            f.put("task_p99_ms", percentile(all, 99));
            f.put("task_worst_kind_p95_ms", timings.entrySet().stream().filter(e -> e.getKey().startsWith("Task_"))
                    .mapToDouble(e -> {
                        List<Double> sorted;
                        synchronized (e.getValue()) {
                            sorted = new ArrayList<>(e.getValue());
                        }
                        Collections.sort(sorted);
                        return sorted.isEmpty() ? 0 : percentile(sorted, 95);
                    }).max().orElse(0));
        }
        p95(f, "tasklist_p95_ms", taskLists);
        reads.forEach((k, v) -> p95(f, k.startsWith("Tra cứu") ? "audit_search_p95_ms" : "timeline_p95_ms", v));
        f.putAll(after.figures(before, Math.max(1, done)));
        if (live != null && live.after() != null) {
            f.putAll(live.after().figures(live.before(), Math.max(1, done), live.documentsTable()));
        }
        f.put("heap_peak_mb", (double) (heapPeak() >> 20));
        return f;
    }

    private static void p95(Map<String, Double> f, String key, List<Double> ms) {
        List<Double> sorted;
        synchronized (ms) {
            sorted = new ArrayList<>(ms);
        }
        if (!sorted.isEmpty()) {
            Collections.sort(sorted);
            f.put(key, percentile(sorted, 95));
        }
    }

    static void printLatencies(String what, List<Double> ms) {
        if (ms.isEmpty()) {
            return;
        }
        List<Double> sorted;
        synchronized (ms) {
            sorted = new ArrayList<>(ms);
        }
        Collections.sort(sorted);
        System.out.printf("%-34s %7d %8.1f %8.1f %8.1f %8.1f%n", what, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
