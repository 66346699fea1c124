package vn.dienbien.tdkt.audit;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM while an export runs. {@link #watch()} after a baseline taken at rest
 * ({@link #settle()}): the heap used sampled every 20 ms (its peak, garbage included), the heap each
 * collection the JVM chose to make left (what was still reachable), how many it made.
 * {@link #forcing()}: a full collection every 20 ms, the heap used after each, for a second run of the
 * same export: what it held at its fullest, whatever the size of the young generation.
 */
final class HeapWatch {

    /** What the watch saw; -1 for {@code liveAfterGc} when no collection ran. */
    record Seen(long peak, long liveAfterGc, long collections) {
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Thread thread;
    private final LiveHeap live;

    private HeapWatch(boolean forcing) {
        this.live = forcing ? null : new LiveHeap();
        long before = gcCount();
        this.thread = new Thread(() -> {
            while (running.get()) {
                if (forcing) {
                    System.gc();
                    collections.incrementAndGet();
                }
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, forcing ? "heap-forcing" : "heap-sampler");
        if (!forcing) {
            collections.set(-before);
        }
        thread.setDaemon(true);
        thread.start();
    }

    /** The heap used at rest, after two full collections. */
    static long settle() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        System.gc();
        return used();
    }

    static HeapWatch watch() {
        return new HeapWatch(false);
    }

    static HeapWatch forcing() {
        return new HeapWatch(true);
    }

    Seen stop() throws InterruptedException {
        running.set(false);
        thread.join();
        if (live == null) {
            return new Seen(peak.get(), peak.get(), collections.get());
        }
        peak.accumulateAndGet(used(), Math::max);
        return new Seen(peak.get(), live.finish(), collections.get() + gcCount());
    }

    static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    /** The heap pools' use after each collection, from the collectors' notifications: its maximum. */
    private static final class LiveHeap implements NotificationListener {
        private final Set<String> heapPools = new HashSet<>();
        private final AtomicLong max = new AtomicLong(-1);

        LiveHeap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            max.accumulateAndGet(used, Math::max);
        }

        long finish() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // this collector sends no notifications
                }
            }
            return max.get();
        }
    }
}
