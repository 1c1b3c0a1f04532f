package io.fleetdashboard.auth.control;

import java.time.Duration;
import java.time.Instant;
import javax.cache.Cache;

/**
 * Consecutive failures per key in a JCache that every instance of a cluster shares (Hazelcast's, through
 * {@link io.fleetdashboard.cluster.control.ClusterCache}), for {@link SignInThrottle}: a failure on one instance counts
 * on all. The value is a String "count|lastFailureMillis" (only JDK types travel, so no member needs an application
 * class), updated by compare-and-set ({@link Cache#putIfAbsent}, {@link Cache#replace(Object, Object, Object)}) so
 * that two instances counting the same key at once both count. A key idle for {@code forgetAfter} starts again at
 * zero; the cache itself is bounded by its provider (an expiry after the last write and Hazelcast's entry limit), and
 * {@link SignInThrottle} keeps its local tally beside this one, so an evicted shared count never lowers a lock below
 * what the instance has seen itself.
 */
final class SharedFailureTally {

    private static final int ATTEMPTS = 8;

    private final Cache<String, String> cache;
    private final Duration forgetAfter;
    private final String prefix;

    SharedFailureTally(Cache<String, String> cache, String prefix, Duration forgetAfter) {
        this.cache = cache;
        this.prefix = prefix;
        this.forgetAfter = forgetAfter;
    }

    /** The key's consecutive failures that still count at {@code now}; null when unknown or forgotten. */
    FailureTally.Failures get(String key, Instant now) {
        FailureTally.Failures f = decode(cache.get(prefix + key));
        return f == null || forgotten(f, now) ? null : f;
    }

    /**
     * Records one failure; returns the key's new count, or 0 when other instances kept winning the race for the key
     * (then this failure is not in the shared count; the local tally still has it).
     */
    int failed(String key, Instant now) {
        String k = prefix + key;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String raw = cache.get(k);
            FailureTally.Failures old = decode(raw);
            int count = old == null || forgotten(old, now) ? 1 : old.count() + 1;
            Instant last = old != null && old.lastFailure().isAfter(now) ? old.lastFailure() : now;
            String next = encode(new FailureTally.Failures(count, last));
            if (raw == null ? cache.putIfAbsent(k, next) : cache.replace(k, raw, next)) {
                return count;
            }
        }
        return 0;
    }

    void clear(String key) {
        cache.remove(prefix + key);
    }

    static String encode(FailureTally.Failures f) {
        return f.count() + "|" + f.lastFailure().toEpochMilli();
    }

    static FailureTally.Failures decode(String raw) {
        if (raw == null) {
            return null;
        }
        int bar = raw.indexOf('|');
        if (bar < 0) {
            return null;
        }
        try {
            return new FailureTally.Failures(Integer.parseInt(raw.substring(0, bar)),
                    Instant.ofEpochMilli(Long.parseLong(raw.substring(bar + 1))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean forgotten(FailureTally.Failures f, Instant now) {
        return f.lastFailure().plus(forgetAfter).isBefore(now);
    }
}
