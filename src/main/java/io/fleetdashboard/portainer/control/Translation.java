package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.control.wire.LogSourceWire;
import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerLogSource;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.EndpointType;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.Port;
import io.fleetdashboard.portainer.entity.PortainerStatus;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import io.fleetdashboard.portainer.entity.StatsReading;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wire records to our records: the anti-corruption layer's rules in one place (docs/portainer.md: "Online or offline",
 * "Containers").
 */
final class Translation {

    static final String COMPOSE_PROJECT = "com.docker.compose.project";
    static final String COMPOSE_SERVICE = "com.docker.compose.service";
    private static final String NONE_TAG = "<none>:<none>";

    private Translation() {
    }

    /** Edge-aware: edge endpoints (4, 7) are online by Portainer's Heartbeat, others by Status == 1. */
    static Endpoint endpoint(Wire.Endpoint wire) {
        EndpointType type = EndpointType.of(intOf(wire.type()));
        int status = intOf(wire.status());
        boolean online = type.edge() ? Boolean.TRUE.equals(wire.heartbeat()) : status == 1;
        boolean asyncEdge = type == EndpointType.EDGE_AGENT && wire.edge() != null
                && Boolean.TRUE.equals(wire.edge().asyncMode());
        boolean associated = !type.edge() || (wire.edgeID() != null && !wire.edgeID().isBlank());
        long checkIn = wire.lastCheckInDate() == null ? 0 : wire.lastCheckInDate();
        return new Endpoint(intOf(wire.id()), wire.name(), type, asyncEdge, status, online,
                checkIn > 0 ? Instant.ofEpochSecond(checkIn) : null, intOf(wire.edgeCheckinInterval()),
                wire.agent() == null || wire.agent().version() == null ? "" : wire.agent().version(),
                wire.url(), intOf(wire.groupId()), associated,
                wire.tagIds() == null ? List.of() : List.copyOf(wire.tagIds()), null, List.of());
    }

    static Container container(Wire.Container wire) {
        String name = wire.names() == null || wire.names().isEmpty() ? shortId(wire.id()) : wire.names().get(0);
        if (name != null && name.startsWith("/")) {
            name = name.substring(1);
        }
        Map<String, String> labels = wire.labels() == null ? Map.of() : wire.labels();
        List<String> networks = wire.networkSettings() == null || wire.networkSettings().networks() == null
                ? List.of() : wire.networkSettings().networks().keySet().stream().sorted().toList();
        return new Container(wire.id(), name, wire.image(), wire.imageID(), ContainerState.parse(wire.state()),
                wire.status(), ContainerHealth.fromStatus(wire.status()), exitCode(wire.status()),
                wire.created() == null ? null : Instant.ofEpochSecond(wire.created()),
                map(wire.ports(), Translation::port), labels.get(COMPOSE_PROJECT), labels.get(COMPOSE_SERVICE),
                networks, labels(labels), addresses(wire.networkSettings()));
    }

    /**
     * Network name to IPv4 address ("" while none): {@link WireLists} keeps the address as the value, a bound
     * record has the network's object there.
     */
    static Map<String, String> addresses(Wire.NetworkSettings settings) {
        if (settings == null || settings.networks() == null || settings.networks().isEmpty()) {
            return Map.of();
        }
        Map<String, String> addresses = new java.util.HashMap<>(settings.networks().size() * 2);
        settings.networks().forEach((name, address) -> {
            if (name != null) {
                Object ip = address instanceof Map<?, ?> network ? network.get("IPAddress") : address;
                addresses.put(name, ip instanceof String text ? text : "");
            }
        });
        return Map.copyOf(addresses);
    }

    /**
     * An immutable copy. The keys (the same few across the fleet) come interned from the parser's symbol table
     * (WireLists), so 50,000 containers share them; a null value reads as empty and a null key is dropped.
     * The streaming reader already hands out an immutable map without nulls: it is returned as it is (no copy, no
     * scan for nulls); only a map holding a null (a bound record) is copied the slow way.
     */
    static Map<String, String> labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Map.of();
        }
        try {
            return Map.copyOf(labels); // the same map when it is already immutable
        } catch (NullPointerException nullKeyOrValue) {
            // fall through: drop null keys, empty null values
        }
        Map<String, String> copy = new java.util.HashMap<>(labels.size() * 2);
        labels.forEach((key, value) -> {
            if (key != null) {
                copy.put(key, value == null ? "" : value);
            }
        });
        return Map.copyOf(copy);
    }

    static Port port(Wire.Port wire) {
        return new Port(wire.ip(), intOf(wire.privatePort()), wire.publicPort(), wire.type());
    }

    /** Dangling: no tags, or only &lt;none&gt;:&lt;none&gt; (which we drop from the tags). */
    static Image image(Wire.Image wire) {
        List<String> tags = wire.repoTags() == null ? List.of()
                : wire.repoTags().stream().filter(tag -> tag != null && !NONE_TAG.equals(tag)).toList();
        return new Image(wire.id(), tags, wire.size() == null ? 0 : wire.size(),
                wire.created() == null ? null : Instant.ofEpochSecond(wire.created()), tags.isEmpty());
    }

    static Network network(Wire.Network wire) {
        return new Network(wire.id(), wire.name(), wire.driver(), wire.scope());
    }

    static Stack stack(Wire.Stack wire) {
        return new Stack(intOf(wire.id()), wire.name(), intOf(wire.endpointId()), StackType.of(intOf(wire.type())),
                intOf(wire.status()) == 1, epochSeconds(wire.creationDate()), epochSeconds(wire.updateDate()));
    }

    /** A Unix time in seconds; null or 0 (Portainer's "never") is null. */
    private static Instant epochSeconds(Long seconds) {
        return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** Inspect's facts for reading logs; a missing Config.Tty counts as no TTY (Docker's default). */
    static ContainerLogSource logSource(LogSourceWire wire) {
        String name = wire.name() == null ? "" : wire.name().startsWith("/") ? wire.name().substring(1) : wire.name();
        return new ContainerLogSource(name, wire.config() != null && Boolean.TRUE.equals(wire.config().tty()),
                wire.state() == null ? null : wire.state().status(),
                wire.hostConfig() == null || wire.hostConfig().logConfig() == null ? null
                        : wire.hostConfig().logConfig().type());
    }

    static PortainerStatus status(Wire.Status wire) {
        return new PortainerStatus(wire.version(), wire.instanceID());
    }

    /** Snapshots[0] with its raw Docker data; null arrays (Go nil slices) become empty lists. */
    static Optional<StoredSnapshot> storedSnapshot(Wire.Endpoint wire) {
        return storedSnapshot(wire, 0);
    }

    /** As {@link #storedSnapshot(Wire.Endpoint)}, with the items the reader skipped in its lists. */
    static Optional<StoredSnapshot> storedSnapshot(Wire.Endpoint wire, int skippedItems) {
        if (wire.snapshots() == null || wire.snapshots().isEmpty() || wire.snapshots().get(0) == null) {
            return Optional.empty();
        }
        Wire.Snapshot snapshot = wire.snapshots().get(0);
        Wire.SnapshotRaw raw = snapshot.dockerSnapshotRaw();
        Instant takenAt = snapshot.time() == null ? null : Instant.ofEpochSecond(snapshot.time());
        if (raw == null) {
            return Optional.of(new StoredSnapshot(takenAt, List.of(), List.of(), List.of(), skippedItems, null));
        }
        return Optional.of(new StoredSnapshot(takenAt, map(raw.containers(), Translation::container),
                map(raw.images(), Translation::image), map(raw.networks(), Translation::network), skippedItems,
                raw.info() == null ? null : hostInfo(raw.info(), takenAt)));
    }

    /** Docker's /info as host facts true at {@code at}. */
    static HostInfo hostInfo(Wire.Info info, Instant at) {
        return new HostInfo(blankToNull(info.operatingSystem()), blankToNull(info.osType()),
                blankToNull(info.architecture()), blankToNull(info.kernelVersion()),
                blankToNull(info.serverVersion()), info.ncpu(), info.memTotal(), at);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The code in "Exited (137) 5 minutes ago" or "Restarting (1) 3 seconds ago"; null otherwise. */
    static Integer exitCode(String status) {
        if (status == null) {
            return null;
        }
        int at = status.startsWith("Exited (") ? 8 : status.startsWith("Restarting (") ? 12 : -1;
        if (at < 0) {
            return null;
        }
        int end = status.indexOf(')', at);
        if (end < 0) {
            return null;
        }
        try {
            return Integer.valueOf(status.substring(at, end)); // a code that is no int reads as unknown
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <W, T> List<T> map(List<W> wire, Function<W, T> translate) {
        if (wire == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(wire.size());
        for (W item : wire) {
            if (item != null) {
                result.add(translate.apply(item));
            }
        }
        return List.copyOf(result);
    }

    private static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(12, id.length()));
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }

    /** Stats: raw counters, nulls for what is missing (stopped containers send almost nothing; portainer-api §4). */
    static StatsReading stats(Wire.Stats wire) {
        Instant read = null;
        if (wire.read() != null && !wire.read().startsWith("0001-")) {
            try {
                read = Instant.parse(wire.read());
            } catch (java.time.format.DateTimeParseException e) {
                read = null;
            }
        }
        Wire.MemoryStats m = wire.memoryStats();
        StatsReading.Memory memory = m == null ? null : new StatsReading.Memory(longOrNull(m.usage()),
                longOrNull(m.limit()), m.stats() == null ? null : longOrNull(m.stats().get("total_inactive_file")),
                m.stats() == null ? null : longOrNull(m.stats().get("inactive_file")));
        List<StatsReading.NetworkIo> networks = new ArrayList<>();
        if (wire.networks() != null) {
            wire.networks().forEach((name, n) -> {
                if (n != null) {
                    networks.add(new StatsReading.NetworkIo(name, longOf(n.rxBytes()), longOf(n.txBytes())));
                }
            });
        }
        List<StatsReading.BlockIo> block = new ArrayList<>();
        if (wire.blkioStats() != null && wire.blkioStats().ioServiceBytesRecursive() != null) {
            for (Wire.BlkioEntry entry : wire.blkioStats().ioServiceBytesRecursive()) {
                if (entry != null && entry.op() != null) {
                    block.add(new StatsReading.BlockIo(entry.op(), longOf(entry.value())));
                }
            }
        }
        return new StatsReading(read, cpu(wire.cpuStats()), cpu(wire.precpuStats()), memory, networks, block);
    }

    private static StatsReading.Cpu cpu(Wire.CpuStats wire) {
        if (wire == null || wire.cpuUsage() == null) {
            return null;
        }
        return new StatsReading.Cpu(longOf(wire.cpuUsage().totalUsage()), longOf(wire.systemCpuUsage()),
                intOf(wire.onlineCpus()), wire.cpuUsage().percpuUsage() == null ? 0
                : wire.cpuUsage().percpuUsage().size());
    }

    /** Docker's counters are uint64: clamp what does not fit a long instead of failing the sample. */
    private static long longOf(java.math.BigDecimal value) {
        Long v = longOrNull(value);
        return v == null ? 0 : v;
    }

    private static Long longOrNull(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
                : value.longValue();
    }
}
