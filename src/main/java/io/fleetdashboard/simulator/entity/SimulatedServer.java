package io.fleetdashboard.simulator.entity;

/**
 * PLACEHOLDER on branch `gateway`, replaced by the simulator engineer's type at merge.
 *
 * @param baseUrl http://127.0.0.1:PORT, without /api
 */
public record SimulatedServer(String name, String baseUrl, String apiKey) {
}
