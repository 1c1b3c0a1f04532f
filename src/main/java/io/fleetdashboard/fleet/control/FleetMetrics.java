package io.fleetdashboard.fleet.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The collector's and the cache's own metrics, at /metrics?scope=application in Prometheus format. */
@ApplicationScoped
public class FleetMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void refreshed(String environment, Duration duration) {
        registry.timer(Metadata.builder().withName("fleet_refresh_duration")
                        .withDescription("Time to collect one environment").build(),
                new Tag("environment", environment)).update(duration);
    }

    public void cacheHit(String tier) {
        registry.counter(Metadata.builder().withName("fleet_cache_hits")
                .withDescription("Snapshot reads served by the cache, by tier").build(), new Tag("tier", tier)).inc();
    }

    public void cacheMiss() {
        registry.counter(Metadata.builder().withName("fleet_cache_misses")
                .withDescription("Snapshot reads that found no snapshot").build()).inc();
    }

    public void snapshotAge(Supplier<Double> ageSeconds) {
        registry.gauge(Metadata.builder().withName("fleet_snapshot_age_seconds")
                .withDescription("Age of the snapshot being served").build(), ageSeconds::get);
    }
}
