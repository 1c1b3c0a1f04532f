package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.Attention.Kind;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FetchError;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.fleet.entity.FleetCounts;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.insights.entity.StackImageCheck;
import io.fleetdashboard.fleet.entity.Freshness;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.UnusedImages;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Port;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fleet API's JSON shapes (records that JSON-B writes as they are) and their CSV rows: flat, lower-camel, ids
 * namespaced by environment.
 */
public final class FleetJson {

    private FleetJson() {
    }

    /**
     * The headline numbers and how far to trust them. ageSeconds counts from dataAsOf, the oldest environment's
     * last successful read; the environments/endpoints counts say which parts are not from this refresh.
     * stacks = stacksPortainer + composeProjectsUnmanaged; images counts image copies (one per endpoint),
     * imagesDistinct distinct image ids; containersFromPortainerSnapshot is the part of containersTotal read from
     * Portainer's stored snapshots of async edge agents (containersLive the rest). The attention figures count
     * every item of their kind: containersCrashLooping (state restarting), containersCrashLoopingInspected those
     * of them whose restart count is known from inspect (as of restartCountsInspectedAt, the oldest such
     * inspect), containersExitedWithError (exited or dead, non-zero exit code, not OOM-killed as far as
     * inspected), containersOomKilled (inspect says OOMKilled), attentionByKind every kind's count.
     */
    public record Summary(int environments, int endpointsTotal, int endpointsOnline, int endpointsOffline,
                          int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
                          int containersUnhealthy, int containersRestarting, int stacks, int images,
                          Instant takenAt, Instant dataAsOf, long ageSeconds, boolean stale, boolean degraded,
                          boolean restored, boolean refreshing, long durationMillis, boolean demo,
                          int environmentsFailed, int environmentsStacksFailed, int endpointsFailed,
                          int endpointsPending, int endpointsFromPortainerSnapshot,
                          Long portainerSnapshotsOldestAgeSeconds, int endpointsStale,
                          int containersLive, int containersFromPortainerSnapshot, int stacksPortainer,
                          int composeProjectsUnmanaged, int imagesDistinct, int imagesDangling,
                          long imagesDistinctSizeBytes, int imageCopies, long imageCopiesSizeBytes,
                          int containersCrashLooping, int containersCrashLoopingInspected,
                          Instant restartCountsInspectedAt, int containersExitedWithError, int containersOomKilled,
                          java.util.Map<String, Integer> attentionByKind) {

        static Summary of(io.fleetdashboard.fleet.entity.FleetSnapshot snapshot, SnapshotStatus s) {
            FleetCounts c = snapshot.counts();
            var attention = snapshot.attentionCounts();
            var crashLoopFacts = snapshot.crashLoopInspections();
            Freshness f = s.freshness();
            Long oldestStored = f.portainerSnapshotsOldestAt() == null ? null
                    : Math.max(0, java.time.Duration.between(f.portainerSnapshotsOldestAt(), Instant.now())
                    .toSeconds());
            return new Summary(c.environments(), c.endpointsTotal(), c.endpointsOnline(), c.endpointsOffline(),
                    c.containersTotal(), c.containersRunning(), c.containersStopped(), c.containersHealthy(),
                    c.containersUnhealthy(), c.containersRestarting(), c.stacks(), c.images(), s.takenAt(),
                    s.dataAsOf(), s.ageSeconds(), s.stale(), s.degraded(), s.restored(), s.refreshing(),
                    s.durationMillis(), s.demo(), f.environmentsFailed(), f.environmentsStacksFailed(),
                    f.endpointsFailed(), f.endpointsPending(), f.endpointsFromPortainerSnapshot(), oldestStored,
                    c.endpointsStale(), c.containersTotal() - c.containersFromPortainerSnapshot(),
                    c.containersFromPortainerSnapshot(), c.stacksPortainer(), c.composeProjectsUnmanaged(),
                    c.imagesDistinct(), c.imagesDangling(), c.imagesDistinctSizeBytes(), c.images(),
                    c.imageCopiesSizeBytes(), attention.getOrDefault(Kind.CRASH_LOOP, 0), crashLoopFacts.size(),
                    crashLoopFacts.stream().map(io.fleetdashboard.fleet.entity.InspectionFacts::inspectedAt)
                            .min(Instant::compareTo).orElse(null),
                    attention.getOrDefault(Kind.EXITED_NON_ZERO, 0), attention.getOrDefault(Kind.OOM_KILLED, 0),
                    AttentionList.byKind(attention));
        }

    }

    public record Error(String kind, String message, Instant at) {
        static Error of(FetchError e) {
            return e == null ? null : new Error(e.kind().name().toLowerCase(Locale.ROOT), e.message(), e.at());
        }
    }

    /** collectedAt: this refresh's attempt; lastSuccessAt: the last successful read of its endpoint list. */
    public record Environment(String name, String displayName, boolean simulated, int endpoints,
                              int endpointsOnline, int containers, int endpointErrors, int endpointsPending,
                              Instant collectedAt, Instant lastSuccessAt, long durationMillis, Error error,
                              Error stacksError) {
        static Environment of(EnvironmentState s) {
            return new Environment(s.name(), s.displayName(), s.simulated(), s.endpoints(), s.endpointsOnline(),
                    s.containers(), s.endpointErrors(), s.endpointsPending(), s.collectedAt(), s.lastSuccessAt(),
                    s.durationMillis(), Error.of(s.error()), Error.of(s.stacksError()));
        }
    }

    public record Endpoint(String key, String environment, int id, String name, String type, boolean asyncEdge,
                           String status, Instant lastCheckIn, String agentVersion, String url, int groupId,
                           String groupName, List<String> tags, String dataSource, Instant dataAt, Instant lastReadAt, boolean pending, int containers,
                           int running, int imagesDistinct, Error error, long fetchMillis, int skippedItems,
                           Host host) {
        static Endpoint of(FleetEndpoint e) {
            var ep = e.endpoint();
            return new Endpoint(e.key(), e.environment(), ep.id(), ep.name(), lower(ep.type().name()),
                    ep.asyncEdge(), ep.online() ? "online" : "offline", ep.lastCheckIn(), ep.agentVersion(),
                    ep.url(), ep.groupId(), ep.groupName(), ep.tags(), lower(e.dataSource().name()), e.dataAt(),
                    e.lastReadAt(), e.pending(),
                    e.containers(), e.running(), e.images(),
                    Error.of(e.error()), e.fetchMillis(), e.skippedItems(), Host.of(e.host()));
        }

        /** The columns of the endpoints CSV: the Edge agents table's, plus the ids that make a row findable. */
        static final String[] CSV_HEADER = {"environment", "endpoint", "status", "type", "last_check_in",
                "agent_version", "platform", "operating_system", "docker_version", "host_info_at", "url", "group",
                "tags", "containers_running", "containers_total", "data_source", "data_at", "pending", "last_error",
                "key"};

        static Object[] csv(FleetEndpoint e) {
            var ep = e.endpoint();
            return new Object[] {e.environment(), ep.name(), ep.online() ? "online" : "offline",
                    lower(ep.type().name()) + (ep.asyncEdge() ? " (async)" : ""), ep.lastCheckIn(), ep.agentVersion(),
                    e.host() == null ? null : e.host().platform(), e.host() == null ? null : e.host().operatingSystem(),
                    e.host() == null ? null : e.host().dockerVersion(), e.host() == null ? null : e.host().readAt(),
                    ep.url(), ep.groupName() == null ? "#" + ep.groupId() : ep.groupName(), String.join(" ", ep.tags()),
                    e.running(), e.containers(), lower(e.dataSource().name()), e.dataAt(),
                    e.pending(), e.error() == null ? null : e.error().message(), e.key()};
        }
    }

    /**
     * An endpoint's Docker host (from Docker's /info, or the Info of Portainer's stored snapshot of an async edge
     * agent), as of readAt; null when never read.
     */
    public record Host(String operatingSystem, String osType, String architecture, String kernelVersion,
                       String dockerVersion, Integer cpus, Long memoryBytes, Instant readAt) {
        static Host of(io.fleetdashboard.portainer.entity.HostInfo h) {
            return h == null ? null : new Host(h.operatingSystem(), h.osType(), h.architecture(), h.kernelVersion(),
                    h.dockerVersion(), h.cpus(), h.memoryBytes(), h.readAt());
        }
    }

    /**
     * restartCount: Docker's restart count from inspect (only inspect has it), null while the container was not
     * inspected; restartCountAt: when that inspect was read.
     */
    public record ContainerRow(String key, String environment, String endpointKey, String endpointName, String id,
                               String name, String image, String state, String status, String health,
                               Integer exitCode, Integer restartCount, Instant restartCountAt, Instant created,
                               String ports, String stack, List<String> networks) {
        static ContainerRow of(FleetContainer fc, java.util.Map<String, InspectionFacts> inspections) {
            Container c = fc.container();
            InspectionFacts known = inspections.get(fc.key());
            return new ContainerRow(fc.key(), fc.environment(), fc.endpointKey(), fc.endpointName(), c.id(), c.name(),
                    c.image(), c.state().label(), c.status(), lower(c.health().name()), c.exitCode(),
                    known == null ? null : known.restartCount(), known == null ? null : known.inspectedAt(),
                    c.created(), FleetJson.ports(c.ports()), c.composeProject(), c.networks());
        }

        /** The columns of the CSV export: the Workloads table's, plus the ids that make a row findable again. */
        static final String[] CSV_HEADER = {"environment", "endpoint", "container", "image", "state", "status",
                "health", "exit_code", "restart_count", "restart_count_at", "created", "ports", "stack", "id", "key"};

        static Object[] csv(FleetContainer fc, java.util.Map<String, InspectionFacts> inspections) {
            Container c = fc.container();
            InspectionFacts known = inspections.get(fc.key());
            return new Object[] {fc.environment(), fc.endpointName(), c.name(), c.image(), c.state().label(),
                    c.status(), lower(c.health().name()), c.exitCode(), known == null ? null : known.restartCount(),
                    known == null ? null : known.inspectedAt(), c.created(), FleetJson.ports(c.ports()),
                    c.composeProject(), c.id(), fc.key()};
        }

    }

    /**
     * external: a compose project Portainer does not manage (portainerId null); images: its containers' images;
     * created / updated: Portainer's times of a managed stack (null for external ones, updated null if never);
     * imageStatus: Portainer's last answer on its images (outdated, updated, checking, skipped, failed, unknown,
     * unsupported: the server has no image status), null when not asked yet or for external ones; with its time.
     */
    public record StackRow(String key, String environment, String endpointKey, String endpointName, String name,
                           Integer portainerId, String type, boolean external, boolean active, int containers,
                           int running, List<String> images, Instant created, Instant updated, String imageStatus,
                           Instant imageStatusCheckedAt) {
        static StackRow of(FleetStack s, List<String> images, StackImageCheck check) {
            return new StackRow(s.key(), s.environment(), s.endpointKey(), s.endpointName(), s.name(),
                    s.portainerId(), lower(s.type().name()), s.external(), s.active(), s.containers(), s.running(),
                    images, s.created(), s.updated(), check == null ? null : check.status(),
                    check == null ? null : check.checkedAt());
        }

        static final String[] CSV_HEADER = {"environment", "endpoint", "stack", "managed_by", "type", "status",
                "containers_running", "containers_total", "images", "created", "updated", "portainer_id", "key",
                "image_status"};

        static Object[] csv(FleetStack s, List<String> images, StackImageCheck check) {
            return new Object[] {s.environment(), s.endpointName(), s.name(), s.external() ? "compose" : "portainer",
                    lower(s.type().name()), s.active() ? "active" : "inactive", s.running(), s.containers(),
                    String.join(" ", images), s.created(), s.updated(), s.portainerId(), s.key(),
                    check == null ? null : check.status()};
        }
    }

    public record ImageRow(String environment, String endpointKey, String endpointName, String id, List<String> tags,
                           long size, Instant created, boolean dangling) {
        static ImageRow of(FleetImage i) {
            var image = i.image();
            return new ImageRow(i.environment(), i.endpointKey(), i.endpointName(), image.id(), image.tags(),
                    image.size(), image.created(), image.dangling());
        }
    }

    /** One image id over the endpoints in scope: copies (endpoints), containers using it, running ones. */
    public record ImageUsageRow(String id, String name, List<String> tags, long size, Instant created,
                                boolean dangling, int endpoints, int containers, int running) {
        static ImageUsageRow of(ImageUsage i) {
            return new ImageUsageRow(i.id(), i.name(), i.tags(), i.size(), i.created(), i.dangling(), i.endpoints(),
                    i.containers(), i.running());
        }

        static final String[] CSV_HEADER = {"image", "tags", "size_bytes", "created", "dangling", "endpoints",
                "containers_running", "containers_total", "id"};

        static Object[] csv(ImageUsage i) {
            return new Object[] {i.name(), String.join(" ", i.tags()), i.size(), i.created(), i.dangling(),
                    i.endpoints(), i.running(), i.containers(), i.id()};
        }
    }

    /** Per endpoint: image copies stored, the ones no container uses, and their size. */
    public record UnusedImagesRow(String endpointKey, String endpointName, String environment, int images,
                                  int unused, long reclaimableBytes) {
        static UnusedImagesRow of(UnusedImages u) {
            return new UnusedImagesRow(u.endpointKey(), u.endpointName(), u.environment(), u.images(), u.unused(),
                    u.reclaimableBytes());
        }
    }

    /**
     * The attention list: a few items per kind, worst first, the count of every kind (counts), and per kind how
     * many more there are than listed (more: the "and N more").
     */
    public record AttentionList(java.util.Map<String, Integer> counts, java.util.Map<String, Integer> more,
                                List<AttentionItem> items) {
        static AttentionList of(io.fleetdashboard.fleet.entity.FleetSnapshot snapshot) {
            java.util.Map<String, Integer> more = new java.util.LinkedHashMap<>();
            snapshot.attentionCounts().forEach((kind, count) -> {
                long listed = snapshot.attention().stream().filter(a -> a.kind() == kind).count();
                if (count > listed) {
                    more.put(lower(kind.name()), (int) (count - listed));
                }
            });
            return new AttentionList(byKind(snapshot.attentionCounts()), more, snapshot.attention().stream()
                    .map(AttentionItem::of).toList());
        }

        static java.util.Map<String, Integer> byKind(java.util.Map<Kind, Integer> counts) {
            java.util.Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
            counts.forEach((kind, count) -> byKind.put(lower(kind.name()), count));
            return byKind;
        }
    }

    /**
     * One attention item; subject is the key of what it concerns (environment, endpoint or container key);
     * restartCount and inspectedAt come from Docker's inspect (null while not inspected).
     */
    public record AttentionItem(String kind, String severity, String title, String detail, String subject,
                                Integer restartCount, Instant inspectedAt) {
        static AttentionItem of(io.fleetdashboard.fleet.entity.Attention a) {
            return new AttentionItem(lower(a.kind().name()), lower(a.severity().name()), a.title(), a.detail(),
                    a.subject(), a.restartCount(), a.inspectedAt());
        }
    }

    public record Overview(Summary summary, List<Environment> environments, Page<Endpoint> endpoints,
                           Page<ContainerRow> containers, Page<StackRow> stacks) {
    }

    /** "8080->80/tcp, 6379/tcp", as docker ps shows them, each published port once (IPv4 and IPv6 collapse). */
    static String ports(List<Port> ports) {
        return ports.stream()
                .map(p -> (p.publicPort() != null ? p.publicPort() + "->" : "") + p.privatePort() + "/" + p.type())
                .distinct().collect(Collectors.joining(", "));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
