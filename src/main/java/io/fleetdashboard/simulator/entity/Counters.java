package io.fleetdashboard.simulator.entity;

import java.util.List;

/** Traffic over all simulated servers; route classes: endpoints, docker:containers, docker:stats, docker:logs,
 * docker:images, docker:networks, stacks, other. */
public record Counters(long requests, long connections, List<ServerCounters> servers) {
}
