package io.fleetdashboard.metrics.entity;

/** Sum of the latest samples of an endpoint's containers (rates in bytes/s; null rates count as 0). */
public record EndpointTotal(String endpointKey, String endpointName, int containers, double cpuPercent,
                            long memoryBytes, double netRx, double netTx, double blockRead, double blockWrite) {
}
