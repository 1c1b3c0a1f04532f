package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Remembers the last answer computed from a snapshot and a key, so the pages of one table (or a page and its charts)
 * aggregate the snapshot once instead of once per request. A new snapshot or another key computes again; at most one
 * answer is held, so memory stays bounded.
 */
final class SnapshotMemo<K, V> {

    private record Entry<K, V>(FleetSnapshot snapshot, K key, V value) {
    }

    private final BiFunction<FleetSnapshot, K, V> compute;
    private volatile Entry<K, V> last;

    SnapshotMemo(BiFunction<FleetSnapshot, K, V> compute) {
        this.compute = compute;
    }

    V get(FleetSnapshot snapshot, K key) {
        Entry<K, V> entry = last;
        if (entry != null && entry.snapshot() == snapshot && Objects.equals(entry.key(), key)) {
            return entry.value();
        }
        V value = compute.apply(snapshot, key);
        last = new Entry<>(snapshot, key, value);
        return value;
    }
}
