package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/** One chart point: the value (average of its step or rollup bucket) with min and max; samples behind it. */
public record SeriesPoint(Instant at, double value, double min, double max, long samples) {
}
