package io.fleetdashboard.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The metrics collector's own figures at /metrics?scope=application (Prometheus format). */
@ApplicationScoped
public class CollectorMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void round(Duration duration, int written, int skipped, int anomalies) {
        registry.timer(Metadata.builder().withName("fleet_metrics_collector_round_duration")
                .withDescription("Time of one metrics collection round").build()).update(duration);
        registry.counter(Metadata.builder().withName("fleet_metrics_collector_samples_written")
                .withDescription("Container samples stored").build()).inc(written);
        registry.counter(Metadata.builder().withName("fleet_metrics_collector_containers_skipped")
                .withDescription("Containers a round chose but did not sample (deadline, error, round budget)")
                .build()).inc(skipped);
        registry.counter(Metadata.builder().withName("fleet_metrics_collector_anomalies")
                .withDescription("Anomalies the detector flagged").build()).inc(anomalies);
    }

    public void tickSkipped() {
        registry.counter(Metadata.builder().withName("fleet_metrics_collector_ticks_skipped")
                .withDescription("Scheduled rounds not started because the previous one was still running")
                .build()).inc();
    }

    public void storeSize(Supplier<Double> bytes) {
        registry.gauge(Metadata.builder().withName("fleet_metrics_store_size").withUnit(MetricUnits.BYTES)
                .withDescription("Size of the SQLite database holding the metrics history").build(), bytes::get);
    }
}
