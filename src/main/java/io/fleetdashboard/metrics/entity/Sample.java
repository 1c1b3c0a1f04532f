package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/**
 * One container's figures at one time. Rates (bytes per second) are null on a container's first reading and after
 * a counter reset (restart); memory is usage minus inactive file (docker CLI).
 *
 * @param containerKey "environment:endpointId:containerId"
 * @param endpointKey  "environment:endpointId"
 */
public record Sample(String containerKey, String containerName, String endpointKey, String endpointName,
                     Instant at, Double cpuPercent, Long memoryBytes, Double memoryPercent, Long memoryLimit,
                     Double netRx, Double netTx, Double blockRead, Double blockWrite) {
}
