package vn.dienbien.tdkt.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Hạn chế tra cứu dò mã: a client (by its address as the server sees it; a forwarded-for header is not
 * trusted, anyone can write one) that missed {@code tdkt.verify.max-misses-per-minute} codes within the
 * last minute is refused every look-up until its oldest miss is a minute old. Kept in memory: a restart
 * forgets, which costs an enumerator a minute at most.
 */
@Component
class VerificationThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxMisses;
    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    VerificationThrottle(@Value("${tdkt.verify.max-misses-per-minute:10}") int maxMisses) {
        this.maxMisses = maxMisses;
    }

    int maxMisses() {
        return maxMisses;
    }

    /** The client has used up its misses for now. */
    boolean blocked(String client) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            expire(recent, WorkflowClock.now());
            return recent.size() >= maxMisses;
        }
    }

    /** A look-up by this client found nothing. */
    void miss(String client) {
        Instant now = WorkflowClock.now();
        if (misses.size() > PRUNE_ABOVE) {
            misses.values().removeIf(d -> {
                synchronized (d) {
                    expire(d, now);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> recent = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            expire(recent, now);
            recent.addLast(now);
        }
    }

    /** Forgets every client (tests, which move the clock). */
    void forget() {
        misses.clear();
    }

    private static void expire(Deque<Instant> recent, Instant now) {
        Instant from = now.minus(WINDOW);
        while (!recent.isEmpty() && (!recent.peekFirst().isAfter(from) || recent.peekFirst().isAfter(now))) {
            recent.pollFirst();
        }
    }
}
