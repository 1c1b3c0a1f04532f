package io.fleetdashboard.metrics.entity;

/** Statistics of one series over the requested range; null figures when it has no points. */
public record Summary(Double current, Double avg, Double min, Double max, Double p95, Double stdDev, long samples) {

    public static final Summary NONE = new Summary(null, null, null, null, null, null, 0);
}
