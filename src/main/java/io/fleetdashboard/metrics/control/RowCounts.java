package io.fleetdashboard.metrics.control;

import java.time.Instant;

/**
 * The metrics tables' row counts as the store keeps them between full counts: set by a count, moved by every write
 * and purge. Unknown (-1) until the first count; changes before it are dropped, the count includes them.
 */
final class RowCounts {

    record Counts(long samples, long rollups, long anomalies, Instant countedAt) {
        static final Counts UNKNOWN = new Counts(-1, -1, -1, null);
    }

    private Counts current = Counts.UNKNOWN;

    synchronized Counts current() {
        return current;
    }

    synchronized void counted(long samples, long rollups, long anomalies, Instant at) {
        current = new Counts(samples, rollups, anomalies, at);
    }

    synchronized void changed(long samples, long rollups, long anomalies) {
        if (current.countedAt() != null) {
            current = new Counts(Math.max(0, current.samples() + samples), Math.max(0, current.rollups() + rollups),
                    Math.max(0, current.anomalies() + anomalies), current.countedAt());
        }
    }
}
