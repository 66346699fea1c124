package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * CPU of this JVM and of the PostgreSQL backends serving {@code database}, and the wall clock, at one moment: two
 * marks give the CPU of a part of the run (the dossiers' part of a simulated year, without its plans, reports and
 * evaluation round), which is the part the baseline's run compares with.
 */
record CpuMark(long jvmCpuNanos, long pgTicksOurs, long pgTicksAutovacuum, long nanoTime, int awarded, Map<String, Long> threadCpu,
        long jitNanos) {

    static CpuMark take(String database, int awarded) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long[] pg = Snapshot.postgresTicks(database);
        return new CpuMark(jvm, pg[1], pg[3], System.nanoTime(), awarded,
                ThreadCpu.get().byKind(), ThreadCpu.compilerNanos());
    }

    CpuMark withAwarded(int count) {
        return new CpuMark(jvmCpuNanos, pgTicksOurs, pgTicksAutovacuum, nanoTime, count, threadCpu, jitNanos);
    }

    /** CPU ms per awarded dossier of the JIT compiler's threads from {@code start} to this mark. */
    double jitMsSince(CpuMark start, int awarded) {
        return (jitNanos - start.jitNanos) / 1e6 / Math.max(1, awarded);
    }

    /** CPU of the JVM and of the database's backends per awarded dossier from {@code start} to this mark. */
    double totalMsSince(CpuMark start) {
        int count = Math.max(1, awarded - start.awarded);
        return ((jvmCpuNanos - start.jvmCpuNanos) / 1e6
                + (pgTicksOurs - start.pgTicksOurs) * 1000.0 / Snapshot.TICKS_PER_SECOND) / count;
    }

    /** Prints the part from {@code start} to this mark per awarded dossier, and its "== FIGURE" lines. */
    void printSince(CpuMark start, String part) {
        int awarded = Math.max(1, this.awarded - start.awarded);
        double seconds = (nanoTime - start.nanoTime) / 1e9;
        double jvmMs = (jvmCpuNanos - start.jvmCpuNanos) / 1e6 / awarded;
        double pgMs = (pgTicksOurs - start.pgTicksOurs) * 1000.0 / Snapshot.TICKS_PER_SECOND / awarded;
        double autovacuumMs = (pgTicksAutovacuum - start.pgTicksAutovacuum) * 1000.0 / Snapshot.TICKS_PER_SECOND
                / awarded;
        System.out.printf("Chỉ phần %s: %,d hồ sơ được khen thưởng trong %.1f s, %.2f mỗi giây; CPU mỗi hồ sơ JVM %.1f"
                + " ms + PostgreSQL %.1f ms (trong đó autovacuum thay thế %.1f ms) = %.1f ms%n", part, awarded, seconds,
                awarded / seconds, jvmMs, pgMs, autovacuumMs, jvmMs + pgMs);
        // Where the JVM's part goes: the workers are what the baseline's workers compare with.
        long threadsNanos = 0;
        StringBuilder kinds = new StringBuilder();
        for (var entry : threadCpu.entrySet()) {
            long nanos = entry.getValue() - start.threadCpu.getOrDefault(entry.getKey(), 0L);
            threadsNanos += nanos;
            kinds.append(String.format("%s %.1f ms; ", entry.getKey(), nanos / 1e6 / awarded));
        }
        double ownMs = jvmMs - threadsNanos / 1e6 / awarded;
        double jitMs = jitMsSince(start, awarded);
        System.out.printf("  CPU của JVM theo luồng, mỗi hồ sơ: %sviệc riêng của JVM (GC, JIT) %.1f ms, trong đó"
                + " trình biên dịch JIT %.1f ms%n", kinds, ownMs, jitMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_awarded_per_s=%.4f%n", awarded / seconds);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_workers_ms=%.4f%n",
                (threadCpu.get(ThreadCpu.WORKERS) - start.threadCpu.get(ThreadCpu.WORKERS)) / 1e6 / awarded);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_readers_ms=%.4f%n",
                (threadCpu.get(ThreadCpu.READERS) - start.threadCpu.get(ThreadCpu.READERS)) / 1e6 / awarded);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_jvm_own_ms=%.4f%n", ownMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_jit_ms=%.4f%n", jitMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_jvm_ms=%.4f%n", jvmMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_pg_ms=%.4f%n", pgMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_total_ms=%.4f%n", jvmMs + pgMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_pg_autovacuum_ms=%.4f%n", autovacuumMs);
        System.out.printf(Locale.ROOT, "== FIGURE dossier_part_cpu_total_without_autovacuum_ms=%.4f%n",
                jvmMs + pgMs - autovacuumMs);
    }
}
