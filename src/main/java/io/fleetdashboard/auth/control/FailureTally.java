package io.fleetdashboard.auth.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consecutive failures per key in a table of fixed capacity, for {@link SignInThrottle}. A key idle for
 * {@code forgetAfter} starts again at zero. When the table is full, a new key takes the place of:
 * <ul>
 * <li>{@link Eviction#LEAST_RECENT}: the key that failed least recently (LRU), starting at one failure;</li>
 * <li>{@link Eviction#FEWEST_FAILURES}: the key with the fewest failures, and inherits that count plus one (the
 * "space-saving" heavy-hitter scheme). Counts are then never under-estimated, so flooding the table with fresh keys
 * cannot reset the count of a key under attack; at worst a fresh key starts higher than it should.</li>
 * </ul>
 * One monitor per table: every operation is a hash lookup, only a new key in a full FEWEST_FAILURES table scans it.
 */
final class FailureTally {

    enum Eviction { LEAST_RECENT, FEWEST_FAILURES }

    record Failures(int count, Instant lastFailure) {
    }

    private final int capacity;
    private final Eviction eviction;
    private final Duration forgetAfter;
    // access order: iteration starts at the least recently used key
    private final LinkedHashMap<String, Failures> table;

    FailureTally(int capacity, Eviction eviction, Duration forgetAfter) {
        this.capacity = capacity;
        this.eviction = eviction;
        this.forgetAfter = forgetAfter;
        this.table = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true);
    }

    /** The key's consecutive failures that still count at {@code now}; null when unknown or forgotten. */
    synchronized Failures get(String key, Instant now) {
        Failures f = table.get(key);
        return f == null || forgotten(f, now) ? null : f;
    }

    /** Records one failure; returns the key's new count. */
    synchronized int failed(String key, Instant now) {
        Failures old = table.get(key);
        int count;
        if (old != null) {
            count = forgotten(old, now) ? 1 : old.count() + 1;
        } else {
            count = 1 + (table.size() >= capacity ? evictOne(now) : 0);
        }
        table.put(key, new Failures(count, now));
        return count;
    }

    synchronized void clear(String key) {
        table.remove(key);
    }

    synchronized int size() {
        return table.size();
    }

    /** Removes one key to make room; returns the count the newcomer inherits. */
    private int evictOne(Instant now) {
        Iterator<Map.Entry<String, Failures>> oldest = table.entrySet().iterator();
        Map.Entry<String, Failures> eldest = oldest.next();
        if (eviction == Eviction.LEAST_RECENT || forgotten(eldest.getValue(), now)) {
            oldest.remove();
            return 0;
        }
        String fewest = null;
        int min = Integer.MAX_VALUE;
        for (Map.Entry<String, Failures> e : table.entrySet()) {
            int c = forgotten(e.getValue(), now) ? 0 : e.getValue().count();
            if (c < min) {
                min = c;
                fewest = e.getKey();
                if (c == 0) {
                    break;
                }
            }
        }
        table.remove(fewest);
        return min;
    }

    private boolean forgotten(Failures f, Instant now) {
        return f.lastFailure().plus(forgetAfter).isBefore(now);
    }
}
