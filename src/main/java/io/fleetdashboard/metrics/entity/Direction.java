package io.fleetdashboard.metrics.entity;

/** Which way a value left its baseline. */
public enum Direction {
    UP, DOWN;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
