package io.fleetdashboard.simulator.entity;

/**
 * Shape of the simulated fleet: servers, endpoints per server, average containers per endpoint, latency plus
 * uniform jitter in ms, churn on or off, and the seed everything is derived from. basePort 0 means ephemeral ports.
 * {@code hostile}: the first endpoint of the first server also holds the hostile containers (see the simulator's
 * {@code Hostile}); off unless a test turns it on.
 */
public record SimulatorSettings(int servers, int endpoints, int containers, long latencyMs, long jitterMs,
        boolean churn, long seed, int basePort, boolean hostile) {

    public SimulatorSettings(int servers, int endpoints, int containers, long latencyMs, long jitterMs,
            boolean churn, long seed, int basePort) {
        this(servers, endpoints, containers, latencyMs, jitterMs, churn, seed, basePort, false);
    }

    public SimulatorSettings {
        servers = Math.max(0, servers);
        endpoints = Math.max(0, endpoints);
        containers = Math.max(0, containers);
        latencyMs = Math.max(0, latencyMs);
        jitterMs = Math.max(0, jitterMs);
    }

    /** Applies the non-null fields of an update, as sent to {@code POST /simulator/control/config}. */
    public SimulatorSettings with(SettingsUpdate update) {
        return new SimulatorSettings(
                update.servers() != null ? update.servers() : servers,
                update.endpoints() != null ? update.endpoints() : endpoints,
                update.containers() != null ? update.containers() : containers,
                update.latencyMs() != null ? update.latencyMs() : latencyMs,
                update.jitterMs() != null ? update.jitterMs() : jitterMs,
                update.churn() != null ? update.churn() : churn,
                update.seed() != null ? update.seed() : seed,
                basePort,
                update.hostile() != null ? update.hostile() : hostile);
    }
}
