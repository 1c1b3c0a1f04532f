package io.fleetdashboard.containers.entity;

import java.io.Serializable;
import java.time.Instant;

/** One live stats sample of a running container, computed like the docker CLI; null figures were not reported. */
public record LiveUsage(Instant readAt, Double cpuPercent, Long memoryUsed, Long memoryLimit, Double memoryPercent)
        implements Serializable {
}
