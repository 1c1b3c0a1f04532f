package io.fleetdashboard.simulator.entity;

/** One simulated Portainer server: its name, base URL without {@code /api}, and its admin API key. */
public record SimulatedServer(String name, String baseUrl, String apiKey) {
}
