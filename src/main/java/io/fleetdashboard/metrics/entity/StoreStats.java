package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/**
 * Size and row counts of the metrics store, cheap to ask for: no request ever scans a table.
 * <p>
 * databaseBytes (page_count * page_size), walBytes and journalMode were measured at measuredAt, at most
 * MetricsStore.STATS_TTL ago. The row counts are estimates: the last full count, taken at countedAt by the
 * background maintenance (and once at start), plus the rows the store wrote and minus the rows it purged since. They
 * are -1, and countedAt null, until that first count.
 */
public record StoreStats(long databaseBytes, long walBytes, long rawSamples, long rollups, long anomalies,
                         String journalMode, Instant measuredAt, Instant countedAt) {
}
