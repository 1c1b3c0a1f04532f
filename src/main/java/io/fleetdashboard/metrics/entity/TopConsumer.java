package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/** A container's latest sample, for the top consumers tables. */
public record TopConsumer(String key, String name, String endpointKey, String endpointName, Instant at,
                       Double cpuPercent, Long memoryBytes, Double memoryPercent) {
}
