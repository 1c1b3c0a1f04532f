package io.fleetdashboard.simulator.entity;

import java.util.Map;

/** Traffic one simulated server has seen since start or the last reset. */
public record ServerCounters(String name, long requests, long connections, Map<String, Long> byRoute) {
}
