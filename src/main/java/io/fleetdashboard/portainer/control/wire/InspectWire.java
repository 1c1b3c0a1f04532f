package io.fleetdashboard.portainer.control.wire;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's containers/{id}/json (inspect), only the fields the details page shows; read with WireJson (PascalCase
 * naming). Kept apart from {@link Wire} (the list shapes the refresh parses) so each can change on its own. Like
 * Wire, only the gateway's translation reads it.
 */
public final class InspectWire {

    private InspectWire() {
    }

    public record Inspect(String id, String created, String path, List<String> args, State state, String image,
                          String name, Integer restartCount, HostConfig hostConfig, List<Mount> mounts, Config config,
                          NetworkSettings networkSettings) {
    }

    public record State(String status, Boolean running, Boolean paused, Boolean restarting,
                        @JsonbProperty("OOMKilled") Boolean oomKilled, Boolean dead, Integer pid, Integer exitCode,
                        String error, String startedAt, String finishedAt, Health health) {
    }

    public record Health(String status, Integer failingStreak, List<HealthLog> log) {
    }

    public record HealthLog(String start, String end, Integer exitCode, String output) {
    }

    public record HostConfig(String networkMode, Boolean privileged, List<String> capAdd, List<String> capDrop,
                             RestartPolicy restartPolicy, Long memory, Long nanoCpus,
                             Map<String, List<PortBinding>> portBindings, String pidMode, String ipcMode,
                             Boolean readonlyRootfs, List<String> securityOpt) {
    }

    public record RestartPolicy(String name, Integer maximumRetryCount) {
    }

    public record PortBinding(String hostIp, String hostPort) {
    }

    public record Mount(String type, String name, String source, String destination, String mode,
                        @JsonbProperty("RW") Boolean rw) {
    }

    public record Config(String hostname, String user, List<String> env, List<String> cmd, List<String> entrypoint,
                         String image, Map<String, String> labels, String workingDir) {
    }

    public record NetworkSettings(Map<String, List<PortBinding>> ports, Map<String, NetworkEndpoint> networks) {
    }

    public record NetworkEndpoint(@JsonbProperty("IPAddress") String ipAddress, String gateway, String macAddress) {
    }
}
