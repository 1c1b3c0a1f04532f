package io.fleetdashboard.metrics.control;

import io.fleetdashboard.config.control.ComputedConfigSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads the original dashboard's {@code MONITORING_METRICS_*} variables as deprecated aliases of ours
 * ({@code MONITORING_METRICS_RETENTION_HOURS} = {@code METRICS_RETENTION_HOURS}), each with a deprecation note in the
 * log. Its ordinal sits just below environment variables: where both are set, ours wins.
 */
public class OriginalMetricsVariables extends ComputedConfigSource {

    static final int ORDINAL = 290;
    static final Map<String, String> ALIASES = Map.of(
            "MONITORING_METRICS_ENABLED", "metrics.enabled",
            "MONITORING_METRICS_RETENTION_HOURS", "metrics.retention.hours",
            "MONITORING_METRICS_COLLECTION_INTERVAL_SECONDS", "metrics.collection.interval.seconds",
            "MONITORING_METRICS_ZSCORE_THRESHOLD", "metrics.zscore.threshold",
            "MONITORING_METRICS_MOVING_AVERAGE_WINDOW", "metrics.window",
            "MONITORING_METRICS_MIN_SAMPLES_FOR_DETECTION", "metrics.min.samples");
    /** Original variables with no counterpart here, and why. */
    static final Map<String, String> IGNORED = Map.of(
            "MONITORING_METRICS_SQLITE_PATH", "the metrics history lives in DASHBOARD_DATA_DIR's database",
            "MONITORING_METRICS_ANOMALY_DETECTION_ENABLED", "anomalies are always detected while METRICS_ENABLED");
    private static final Logger LOG = Logger.getLogger(OriginalMetricsVariables.class.getName());

    public OriginalMetricsVariables() {
        this(System.getenv());
    }

    OriginalMetricsVariables(Map<String, String> environment) {
        super("original MONITORING_METRICS_* variables", ORDINAL);
        Map<String, String> found = new LinkedHashMap<>();
        ALIASES.forEach((original, ours) -> {
            String value = environment.get(original);
            if (value != null) {
                found.put(ours, value);
                String variable = ours.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
                LOG.warning(() -> original + " is deprecated: read as " + variable
                        + (environment.containsKey(variable) ? ", which is also set and wins" : "; set " + variable
                        + " instead"));
            }
        });
        IGNORED.forEach((original, why) -> {
            if (environment.containsKey(original)) {
                LOG.warning(() -> original + " is not used: " + why);
            }
        });
        provide(found);
    }
}
