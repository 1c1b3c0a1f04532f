package io.fleetdashboard.metrics.control;

import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.MetricsStatus;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import io.fleetdashboard.metrics.entity.Summary;
import io.fleetdashboard.metrics.entity.Top;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reading the history: series with summary and anomalies, top consumers, anomalies, status. Chooses the resolution:
 * raw samples for ranges that lie within the raw retention and span at most a day; 5-minute rollups otherwise.
 * Without an explicit step, ranges over 6 hours are averaged to about {@value #TARGET_POINTS} points.
 */
@ApplicationScoped
public class MetricsHistory {

    static final int TARGET_POINTS = 500;
    private static final Duration RAW_UNSTEPPED = Duration.ofHours(6);

    @Inject
    MetricsStore store;

    @Inject
    MetricsCollector collector;

    @Inject
    MetricsMaintenance maintenance;

    Clock clock = Clock.systemUTC();

    public Optional<ContainerRef> container(String key) {
        return store.container(key);
    }

    public List<ContainerRef> search(String text, int limit) {
        return store.searchContainers(text, limit);
    }

    /**
     * @param stepSeconds null for automatic
     * @param useRollups  null to choose by range, true for rollups, false for raw samples
     */
    public Series series(ContainerRef container, Metric metric, Instant from, Instant to, Long stepSeconds,
                         Boolean useRollups) {
        Duration range = Duration.between(from, to);
        Instant rawFrom = clock.instant().minus(maintenance.rawRetention());
        boolean rollups = useRollups != null ? useRollups
                : from.isBefore(rawFrom) || range.compareTo(MetricsStore.RAW_RANGE_LIMIT) > 0;
        long step;
        if (stepSeconds != null) {
            step = Math.max(0, stepSeconds);
        } else if (!rollups && range.compareTo(RAW_UNSTEPPED) <= 0) {
            step = 0;
        } else {
            step = Math.max(1, range.toSeconds() / TARGET_POINTS);
        }
        if (rollups) {
            step = Math.max(MetricsStore.BUCKET_MILLIS / 1000, step / 300 * 300);
        }
        List<SeriesPoint> points = store.series(container.key(), metric, from, to, step, rollups);
        List<Anomaly> anomalies = store.anomalies(new MetricsStore.AnomalyQuery(from, to, container.key(), metric,
                null, null, 1000));
        return new Series(container, metric.apiName(), metric.unit(), from, to, rollups ? "rollup-5m" : "raw", step,
                points, summary(points), anomalies);
    }

    /** current = last point; avg weighted by samples; min/max over the points' min/max; p95 (nearest rank) and
     * standard deviation over the point values. */
    public static Summary summary(List<SeriesPoint> points) {
        if (points.isEmpty()) {
            return Summary.NONE;
        }
        double[] values = points.stream().mapToDouble(SeriesPoint::value).toArray();
        long samples = points.stream().mapToLong(SeriesPoint::samples).sum();
        double weighted = points.stream().mapToDouble(p -> p.value() * p.samples()).sum();
        double avg = samples > 0 ? weighted / samples : Arrays.stream(values).average().orElse(0);
        double min = points.stream().mapToDouble(SeriesPoint::min).min().orElse(0);
        double max = points.stream().mapToDouble(SeriesPoint::max).max().orElse(0);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
        double mean = Arrays.stream(values).average().orElse(0);
        double variance = values.length < 2 ? 0
                : Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return new Summary(values[values.length - 1], avg, min, max, p95, Math.sqrt(variance), samples);
    }

    /** Latest samples of the last five intervals (or 5 min at least). */
    public Top top(int limit) {
        Duration back = Duration.ofSeconds(Math.max(300, collector.intervalSeconds() * 5));
        return store.top(clock.instant().minus(back), limit);
    }

    public List<Anomaly> anomalies(MetricsStore.AnomalyQuery query) {
        return store.anomalies(query);
    }

    public MetricsStatus status() {
        return new MetricsStatus(collector.enabled(), collector.intervalSeconds(), collector.maxContainersPerRound(),
                collector.maxConcurrency(), collector.statsDeadlineSeconds(), collector.running(),
                collector.rounds(), collector.ticksSkipped(), collector.lastRound().orElse(null),
                collector.coverage(), maintenance.retentionHours(), maintenance.rollupRetentionDays(),
                store.stats(), maintenance.last().orElse(null));
    }
}
