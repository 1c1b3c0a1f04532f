package io.fleetdashboard.metrics.entity;

/** WARNING: |z| beyond the threshold for K samples in a row; CRITICAL: |z| at least twice the threshold. */
public enum Severity {
    WARNING, CRITICAL;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
