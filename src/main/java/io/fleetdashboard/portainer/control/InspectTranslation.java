package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.control.wire.InspectWire;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Docker's inspect JSON to {@link ContainerInspection} (docs/portainer.md, "Containers"): nulls become empty, zero
 * times null.
 */
final class InspectTranslation {

    private InspectTranslation() {
    }

    static ContainerInspection inspection(InspectWire.Inspect wire) {
        InspectWire.State s = wire.state() == null ? new InspectWire.State(null, null, null, null, null, null, null,
                null, null, null, null, null) : wire.state();
        InspectWire.Config config = wire.config() == null ? new InspectWire.Config(null, null, null, null, null, null,
                null, null) : wire.config();
        InspectWire.HostConfig host = wire.hostConfig() == null ? new InspectWire.HostConfig(null, null, null, null,
                null, null, null, null, null, null, null, null) : wire.hostConfig();
        String name = wire.name() == null ? "" : wire.name();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        ContainerInspection.RunState state = new ContainerInspection.RunState(ContainerState.parse(s.status()),
                isTrue(s.running()), isTrue(s.paused()), isTrue(s.restarting()), isTrue(s.oomKilled()),
                isTrue(s.dead()), intOf(s.pid()), intOf(s.exitCode()), s.error() == null ? "" : s.error(),
                time(s.startedAt()), time(s.finishedAt()));
        InspectWire.RestartPolicy restart = host.restartPolicy();
        return new ContainerInspection(wire.id(), name, time(wire.created()), config.image(), wire.image(),
                command(wire), state, health(s.health()), restart == null || restart.name() == null || restart.name()
                .isBlank() ? "no" : restart.name(), restart == null ? 0 : intOf(restart.maximumRetryCount()),
                intOf(wire.restartCount()), config.user() == null ? "" : config.user(), config.hostname(),
                config.workingDir(), ports(wire, host), config.labels() == null ? Map.of()
                : new TreeMap<>(withoutNullValues(config.labels())), nonNull(config.env()), networks(wire),
                mounts(wire.mounts()), new ContainerInspection.HostSettings(isTrue(host.privileged()),
                nonNull(host.capAdd()), nonNull(host.capDrop()), nonNull(host.securityOpt()),
                host.networkMode() == null ? "" : host.networkMode(), host.pidMode() == null ? "" : host.pidMode(),
                host.ipcMode() == null ? "" : host.ipcMode(), isTrue(host.readonlyRootfs()),
                host.memory() == null ? 0 : host.memory(), host.nanoCpus() == null ? 0 : host.nanoCpus()));
    }

    /** Path and Args as a shell would read them: what actually runs (entrypoint and command resolved). */
    private static String command(InspectWire.Inspect wire) {
        List<String> parts = new ArrayList<>();
        if (wire.path() != null && !wire.path().isBlank()) {
            parts.add(wire.path());
        }
        if (wire.args() != null) {
            for (String arg : wire.args()) {
                if (arg != null) {
                    parts.add(arg.isEmpty() || arg.contains(" ") ? "'" + arg + "'" : arg);
                }
            }
        }
        return String.join(" ", parts);
    }

    private static ContainerInspection.Health health(InspectWire.Health wire) {
        if (wire == null || wire.status() == null) {
            return null;
        }
        ContainerHealth status = switch (wire.status().toLowerCase(Locale.ROOT)) {
            case "healthy" -> ContainerHealth.HEALTHY;
            case "unhealthy" -> ContainerHealth.UNHEALTHY;
            case "starting" -> ContainerHealth.STARTING;
            default -> ContainerHealth.NONE;
        };
        List<ContainerInspection.HealthProbe> log = new ArrayList<>();
        if (wire.log() != null) {
            for (InspectWire.HealthLog probe : wire.log()) {
                if (probe != null) {
                    log.add(new ContainerInspection.HealthProbe(time(probe.start()), time(probe.end()),
                            intOf(probe.exitCode()), probe.output() == null ? "" : probe.output().strip()));
                }
            }
        }
        return new ContainerInspection.Health(status, intOf(wire.failingStreak()), log);
    }

    /**
     * One row per binding: the live NetworkSettings.Ports when the container runs, otherwise the configured
     * HostConfig.PortBindings (a stopped container publishes nothing, but shows what it would).
     */
    private static List<ContainerInspection.PortMapping> ports(InspectWire.Inspect wire, InspectWire.HostConfig host) {
        Map<String, List<InspectWire.PortBinding>> live = wire.networkSettings() == null ? null
                : wire.networkSettings().ports();
        boolean livePublishes = live != null && live.values().stream().anyMatch(b -> b != null && !b.isEmpty());
        Map<String, List<InspectWire.PortBinding>> source = livePublishes || host.portBindings() == null ? live
                : host.portBindings();
        List<ContainerInspection.PortMapping> ports = new ArrayList<>();
        if (source == null) {
            return ports;
        }
        for (Map.Entry<String, List<InspectWire.PortBinding>> entry : new TreeMap<>(source).entrySet()) {
            List<InspectWire.PortBinding> bindings = entry.getValue();
            if (bindings == null || bindings.isEmpty()) {
                ports.add(new ContainerInspection.PortMapping(entry.getKey(), null, null));
                continue;
            }
            for (InspectWire.PortBinding binding : bindings) {
                if (binding != null) {
                    ports.add(new ContainerInspection.PortMapping(entry.getKey(),
                            binding.hostIp() == null ? "" : binding.hostIp(), binding.hostPort()));
                }
            }
        }
        return ports;
    }

    private static List<ContainerInspection.NetworkAttachment> networks(InspectWire.Inspect wire) {
        List<ContainerInspection.NetworkAttachment> networks = new ArrayList<>();
        if (wire.networkSettings() == null || wire.networkSettings().networks() == null) {
            return networks;
        }
        new TreeMap<>(wire.networkSettings().networks()).forEach((name, n) -> networks.add(
                new ContainerInspection.NetworkAttachment(name, n == null ? "" : blankIfNull(n.ipAddress()),
                        n == null ? "" : blankIfNull(n.gateway()), n == null ? "" : blankIfNull(n.macAddress()))));
        return networks;
    }

    private static List<ContainerInspection.Mount> mounts(List<InspectWire.Mount> wire) {
        List<ContainerInspection.Mount> mounts = new ArrayList<>();
        if (wire != null) {
            for (InspectWire.Mount m : wire) {
                if (m != null) {
                    mounts.add(new ContainerInspection.Mount(blankIfNull(m.type()), m.name(), blankIfNull(m.source()),
                            blankIfNull(m.destination()), blankIfNull(m.mode()), isTrue(m.rw())));
                }
            }
        }
        return mounts;
    }

    /** RFC 3339 with up to nanoseconds; Docker's zero time ("0001-01-01T00:00:00Z") and bad text are null. */
    static Instant time(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
    }

    private static Map<String, String> withoutNullValues(Map<String, String> map) {
        Map<String, String> clean = new TreeMap<>();
        map.forEach((k, v) -> {
            if (k != null) {
                clean.put(k, v == null ? "" : v);
            }
        });
        return clean;
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }
}
