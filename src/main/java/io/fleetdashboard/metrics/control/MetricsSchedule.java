package io.fleetdashboard.metrics.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the metrics collector every METRICS_COLLECTION_INTERVAL_SECONDS (the first round one interval after start,
 * when the fleet snapshot exists) and maintenance every METRICS_MAINTENANCE_INTERVAL_MINUTES, on the managed
 * scheduler. Nothing runs with METRICS_ENABLED=false. At start the detector is seeded from the stored samples, and
 * the store counts its rows once (maintenance recounts them; requests never do).
 */
@ApplicationScoped
public class MetricsSchedule {

    private static final Logger LOG = Logger.getLogger(MetricsSchedule.class.getName());

    @Inject
    MetricsCollector collector;

    @Inject
    MetricsMaintenance maintenance;

    @Inject
    MetricsStore store;

    @Inject
    CollectorMetrics telemetry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "metrics.maintenance.interval.minutes", defaultValue = "60")
    long maintenanceMinutes;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    // After the database migrations (PLATFORM_BEFORE) and the fleet refresh schedule (APPLICATION + 500).
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600)
               @Initialized(ApplicationScoped.class) Object started) {
        telemetry.storeSize(() -> {
            try {
                return (double) store.stats().databaseBytes();
            } catch (RuntimeException e) {
                return -1.0;
            }
        });
        // the status API's row counts start from one full count, in the background (never on a request)
        scheduler.execute(this::countRows);
        if (!collector.enabled()) {
            LOG.info("Metrics collection disabled (METRICS_ENABLED=false)");
            return;
        }
        long interval = collector.intervalSeconds();
        scheduler.execute(this::seed);
        schedules.add(scheduler.scheduleAtFixedRate(collector::tick, interval, interval, TimeUnit.SECONDS));
        long maintenanceEvery = Math.max(1, maintenanceMinutes);
        schedules.add(scheduler.scheduleWithFixedDelay(maintenance::runQuietly, 1, maintenanceEvery * 60,
                TimeUnit.SECONDS));
        LOG.info(() -> "Metrics collection every " + interval + " s, up to " + collector.maxContainersPerRound()
                + " containers per environment and round; maintenance every " + maintenanceEvery + " min");
    }

    private void seed() {
        try {
            Duration back = Duration.ofSeconds(collector.intervalSeconds() * 40);
            collector.seedDetector(store.samplesSince(Instant.now().minus(back)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not seed the anomaly detector from the store", e);
        }
    }

    private void countRows() {
        try {
            store.countRows();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count the metrics rows", e);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        schedules.forEach(s -> s.cancel(false));
    }
}
