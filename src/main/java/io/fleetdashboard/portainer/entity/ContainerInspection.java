package io.fleetdashboard.portainer.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One container as Docker's inspect describes it (containers/{id}/json), read live for the details page and after
 * an action. {@code env} holds the raw {@code KEY=value} entries, secrets included: mask them before showing them
 * (containers.control.SecretMasking) and drop them ({@link #withoutEnv()}); nothing else here is sensitive.
 *
 * @param image   the reference the container was created from (Config.Image), e.g. "nginx:1.27.2"
 * @param imageId the image's content digest (the top-level Image, "sha256:...")
 * @param health  null when the container has no health check
 */
public record ContainerInspection(String id, String name, Instant created, String image, String imageId,
                                  String command, RunState state, Health health, String restartPolicy,
                                  int maximumRetryCount, int restartCount, String user, String hostname,
                                  String workingDir, List<PortMapping> ports, Map<String, String> labels,
                                  List<String> env, List<NetworkAttachment> networks, List<Mount> mounts,
                                  HostSettings host) implements Serializable {

    public ContainerInspection {
        ports = ports == null ? List.of() : List.copyOf(ports);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        env = env == null ? List.of() : List.copyOf(env);
        networks = networks == null ? List.of() : List.copyOf(networks);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** The same inspection without the raw environment: what may be cached, shown or sent once it was masked. */
    public ContainerInspection withoutEnv() {
        return new ContainerInspection(id, name, created, image, imageId, command, state, health, restartPolicy,
                maximumRetryCount, restartCount, user, hostname, workingDir, ports, labels, List.of(), networks, mounts,
                host);
    }

    /**
     * State: Docker's lowercase status and flags. Times are null for Docker's zero time (never started / still
     * running).
     */
    public record RunState(ContainerState status, boolean running, boolean paused, boolean restarting,
                           boolean oomKilled, boolean dead, int pid, int exitCode, String error, Instant startedAt,
                           Instant finishedAt) implements Serializable {
    }

    /** State.Health: the status and up to five last probes, newest last. */
    public record Health(ContainerHealth status, int failingStreak, List<HealthProbe> log) implements Serializable {

        public Health {
            log = log == null ? List.of() : List.copyOf(log);
        }
    }

    public record HealthProbe(Instant start, Instant end, int exitCode, String output) implements Serializable {
    }

    /**
     * A container port and where it is published; hostIp and hostPort are null when it is only exposed. A hostIp
     * of "" (Docker's spelling of "all interfaces"), "0.0.0.0" or "::" listens everywhere.
     */
    public record PortMapping(String containerPort, String hostIp, String hostPort) implements Serializable {

        public boolean published() {
            return hostPort != null && !hostPort.isBlank();
        }

        public boolean allInterfaces() {
            return published() && (hostIp == null || hostIp.isBlank() || hostIp.equals("0.0.0.0")
                    || hostIp.equals("::"));
        }
    }

    /** NetworkSettings.Networks entry: empty addresses while the container is not running. */
    public record NetworkAttachment(String name, String ipAddress, String gateway, String macAddress)
            implements Serializable {
    }

    /** Mounts entry; {@code name} is the volume name for volumes (null for binds). */
    public record Mount(String type, String name, String source, String destination, String mode, boolean rw)
            implements Serializable {
    }

    /** The HostConfig (and Config.User) fields that decide how much the container may do on its host. */
    public record HostSettings(boolean privileged, List<String> capAdd, List<String> capDrop,
                               List<String> securityOpt, String networkMode, String pidMode, String ipcMode,
                               boolean readonlyRootfs, long memoryLimit, long nanoCpus) implements Serializable {

        public HostSettings {
            capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
            capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
            securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
        }
    }

    /**
     * This container as the list (containers/json) would show it now: for putting a container just acted on into
     * the fleet snapshot without re-reading its endpoint. The Status text follows Docker's forms ("Up 5 seconds
     * (healthy)", "Exited (137) 2 minutes ago").
     */
    public Container toContainer(Instant now) {
        ContainerHealth healthStatus = health == null ? ContainerHealth.NONE : health.status();
        Integer exit = switch (state.status()) {
            case EXITED, DEAD, RESTARTING -> state.exitCode();
            default -> null;
        };
        List<Port> listPorts = ports.stream().map(p -> {
            String[] portAndType = p.containerPort().split("/", 2);
            int privatePort = parseInt(portAndType[0], 0);
            String type = portAndType.length > 1 ? portAndType[1] : "tcp";
            Integer publicPort = p.published() ? parseInt(p.hostPort(), 0) : null;
            String ip = p.published() ? (p.hostIp() == null || p.hostIp().isBlank() ? "0.0.0.0" : p.hostIp()) : null;
            return new Port(ip, privatePort, publicPort, type);
        }).toList();
        return new Container(id, name, image, imageId, state.status(), statusText(now), healthStatus, exit, created,
                listPorts, labels.get("com.docker.compose.project"), labels.get("com.docker.compose.service"),
                networks.stream().map(NetworkAttachment::name).sorted().toList(), labels,
                networks.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(NetworkAttachment::name,
                        n -> n.ipAddress() == null ? "" : n.ipAddress(), (a, b) -> a)));
    }

    /** Docker's Status text for this state at {@code now}. */
    String statusText(Instant now) {
        return switch (state.status()) {
            case RUNNING -> "Up " + human(state.startedAt(), now) + healthSuffix();
            case PAUSED -> "Up " + human(state.startedAt(), now) + " (Paused)";
            case RESTARTING -> "Restarting (" + state.exitCode() + ") " + human(state.finishedAt(), now) + " ago";
            case EXITED -> "Exited (" + state.exitCode() + ") " + human(state.finishedAt(), now) + " ago";
            case DEAD -> "Dead";
            case REMOVING -> "Removal In Progress";
            default -> "Created";
        };
    }

    private String healthSuffix() {
        if (health == null) {
            return "";
        }
        return switch (health.status()) {
            case HEALTHY -> " (healthy)";
            case UNHEALTHY -> " (unhealthy)";
            case STARTING -> " (health: starting)";
            case NONE -> "";
        };
    }

    private static String human(Instant since, Instant now) {
        long seconds = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "About a minute" : minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 48) {
            return hours == 1 ? "About an hour" : hours + " hours";
        }
        return hours / 24 + " days";
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
