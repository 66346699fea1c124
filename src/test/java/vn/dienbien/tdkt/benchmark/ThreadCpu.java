package vn.dienbien.tdkt.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU of this JVM's threads by what they do: the worker threads that run the dossiers ("pool-…"), the readers that
 * time the reviewer's task list, the auditor's search and timeline (the reading thread and the web server's threads
 * that answer it), and the rest of the Java threads. Sampled every 250 ms so that a thread that ended still counts
 * with its last reading; the process's CPU minus these is the JVM's own work (garbage collection, the JIT compiler).
 */
final class ThreadCpu {

    static final String WORKERS = "luồng làm việc";
    static final String READERS = "luồng đọc (danh sách việc, tra cứu, dòng thời gian)";
    static final String OTHERS = "luồng Java khác";

    private static final ThreadCpu INSTANCE = new ThreadCpu();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> lastCpu = new ConcurrentHashMap<>();
    private final Map<Long, String> kind = new ConcurrentHashMap<>();

    private ThreadCpu() {
        Thread sampler = new Thread(() -> {
            while (true) {
                sample();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu get() {
        return INSTANCE;
    }

    synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            lastCpu.put(ids[i], cpu);
            String name = infos[i].getThreadName();
            kind.computeIfAbsent(ids[i], id -> kindOf(name));
        }
    }

    /** CPU nanoseconds so far by kind of thread (including threads that ended). */
    Map<String, Long> byKind() {
        sample();
        Map<String, Long> sums = new LinkedHashMap<>();
        sums.put(WORKERS, 0L);
        sums.put(READERS, 0L);
        sums.put(OTHERS, 0L);
        lastCpu.forEach((id, cpu) -> sums.merge(kind.get(id), cpu, Long::sum));
        return sums;
    }

    /**
     * CPU nanoseconds so far of the JIT compiler's threads ("C1 CompilerThread…", "C2 CompilerThread…"), which the
     * JVM hides from its thread bean: read from Linux's /proc/self/task; 0 elsewhere. A compiler thread the JVM
     * retired takes its CPU with it (the JVM keeps at least one per compiler).
     */
    static long compilerNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 1_000_000_000L / Snapshot.TICKS_PER_SECOND;
    }

    private static String kindOf(String name) {
        if (name.startsWith("pool-")) {
            return WORKERS;
        }
        if (name.startsWith("bench-readers") || name.startsWith("bench-reviewer") || name.contains("-exec-")) {
            return READERS;
        }
        return OTHERS;
    }
}
