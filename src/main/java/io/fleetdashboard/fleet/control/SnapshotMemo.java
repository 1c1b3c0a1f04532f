package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Remembers the last answers computed from a snapshot and a key, so the pages of one table (or a page and its charts,
 * or the same page asked again) aggregate the snapshot once instead of once per request. A new snapshot forgets every
 * answer; at most {@code capacity} keys are held (the least recently used goes first), so memory stays bounded.
 * Two threads asking the same new key at once may both compute it; both get equal answers.
 */
final class SnapshotMemo<K, V> {

    private final BiFunction<FleetSnapshot, K, V> compute;
    private final int capacity;
    /** Guarded by this. */
    private FleetSnapshot of;
    /** Guarded by this; access-ordered. Keys are wrapped so that a null key is one too. */
    private final LinkedHashMap<Optional<K>, V> answers;

    SnapshotMemo(BiFunction<FleetSnapshot, K, V> compute) {
        this(1, compute);
    }

    SnapshotMemo(int capacity, BiFunction<FleetSnapshot, K, V> compute) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.compute = compute;
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Optional<K>, V> eldest) {
                return size() > SnapshotMemo.this.capacity;
            }
        };
    }

    V get(FleetSnapshot snapshot, K key) {
        Optional<K> k = Optional.ofNullable(key);
        synchronized (this) {
            if (of == snapshot) {
                V known = answers.get(k);
                if (known != null) {
                    return known;
                }
            }
        }
        V value = compute.apply(snapshot, key); // outside the lock: one slow query does not hold up the others
        synchronized (this) {
            if (of != snapshot) {
                of = snapshot;
                answers.clear();
            }
            answers.put(k, value);
        }
        return value;
    }
}
