package vn.dienbien.tdkt.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the ledger remembers across transactions (a case's links, its kind, its chain's tip): at most
 * {@code capacity} entries, the least recently used forgotten first; safe to share between threads.
 */
final class BoundedMemory<K, V> {

    private final Map<K, V> entries;

    BoundedMemory(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    synchronized boolean contains(K key) {
        return entries.containsKey(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
