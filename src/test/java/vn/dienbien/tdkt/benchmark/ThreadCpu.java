package vn.dienbien.tdkt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
