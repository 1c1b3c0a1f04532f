package io.fleetdashboard.metrics.entity;

import java.time.Instant;
import java.util.List;

/** Fleet-wide top consumers by CPU and by memory, and per-endpoint totals, from each container's latest sample. */
public record Top(Instant since, List<TopConsumer> cpu, List<TopConsumer> memory, List<EndpointTotal> endpoints) {
}
