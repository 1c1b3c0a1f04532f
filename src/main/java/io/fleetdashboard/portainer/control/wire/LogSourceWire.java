package io.fleetdashboard.portainer.control.wire;

/**
 * The few fields of Docker's inspect that reading logs needs (read with WireJson, PascalCase); the rest of the
 * answer is ignored. Only the gateway's translation reads it.
 */
public record LogSourceWire(String name, State state, Config config, HostConfig hostConfig) {

    public record State(String status) {
    }

    public record Config(Boolean tty) {
    }

    public record HostConfig(LogConfig logConfig) {
    }

    public record LogConfig(String type) {
    }
}
