package vn.dienbien.tdkt.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a node remembers across transactions (the ledger's case links, kinds and chain tips; the history
 * handler's start times): at most {@code capacity} entries, the least recently used forgotten first; safe to
 * share between threads.
 */
public final class BoundedMemory<K, V> {

    private final Map<K, V> entries;

    public BoundedMemory(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized boolean contains(K key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }
}
