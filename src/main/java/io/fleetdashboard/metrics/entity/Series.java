package io.fleetdashboard.metrics.entity;

import java.time.Instant;
import java.util.List;

/**
 * A container's metric over a range.
 *
 * @param resolution "raw" (samples, averaged per step when a step is given) or "rollup-5m" (5-minute rollups)
 * @param stepSeconds 0 for raw samples as taken
 */
public record Series(ContainerRef container, String metric, String unit, Instant from, Instant to,
                     String resolution, long stepSeconds, List<SeriesPoint> points, Summary summary,
                     List<Anomaly> anomalies) {
}
