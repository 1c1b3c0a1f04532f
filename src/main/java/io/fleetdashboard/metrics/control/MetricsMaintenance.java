package io.fleetdashboard.metrics.control;

import io.fleetdashboard.cluster.control.CollectorLease;
import io.fleetdashboard.metrics.entity.MaintenanceReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rollup and retention of the metrics store, run by {@link MetricsSchedule} in the background (and by admins through
 * the API). One pass at a time; readers are never blocked (WAL, short transactions).
 */
@ApplicationScoped
public class MetricsMaintenance {

    private static final Logger LOG = Logger.getLogger(MetricsMaintenance.class.getName());

    /** Several instances on one database: only the collector lease's holder runs this (null in unit tests). */
    @Inject
    CollectorLease lease;

    @Inject
    MetricsStore store;

    @Inject
    @ConfigProperty(name = "metrics.retention.hours", defaultValue = "168")
    long retentionHours;

    @Inject
    @ConfigProperty(name = "metrics.rollup.retention.days", defaultValue = "30")
    long rollupRetentionDays;

    Clock clock = Clock.systemUTC();
    private final ReentrantLock running = new ReentrantLock();
    private volatile MaintenanceReport last;

    public MaintenanceReport run() {
        running.lock();
        try {
            MaintenanceReport report = store.maintain(clock.instant(), rawRetention(), rollupRetention());
            last = report;
            return report;
        } finally {
            running.unlock();
        }
    }

    /** For the scheduler: logs instead of throwing. */
    public void runQuietly() {
        if (lease != null && !lease.holds()) {
            return; // the holder maintains the shared store
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Metrics maintenance failed", e);
        }
    }

    public Duration rawRetention() {
        return Duration.ofHours(Math.max(1, retentionHours));
    }

    public Duration rollupRetention() {
        return Duration.ofDays(Math.max(1, rollupRetentionDays));
    }

    public long retentionHours() {
        return rawRetention().toHours();
    }

    public long rollupRetentionDays() {
        return rollupRetention().toDays();
    }

    public Optional<MaintenanceReport> last() {
        return Optional.ofNullable(last);
    }
}
