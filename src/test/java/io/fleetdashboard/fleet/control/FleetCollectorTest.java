package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.asyncEdge;
import static io.fleetdashboard.fleet.Fixtures.container;
import static io.fleetdashboard.fleet.Fixtures.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.ListAnswer;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCollectorTest {

    @TempDir
    Path dir;

    private final EnvironmentConnection prod = new EnvironmentConnection("prod", "Production",
            URI.create("http://127.0.0.1:1/api"), "ptr_secret", true, false);
    private final FakePortainer portainer = new FakePortainer();
    private FleetCollector collector;
    private SnapshotCache cache;

    /** Answers from maps; records every Docker call so tests can check which endpoints were asked. */
    static final class FakePortainer extends PortainerGateway {
        volatile List<Endpoint> endpoints = List.of();
        volatile RuntimeException endpointsFailure;
        final Map<Integer, List<Container>> containers = new ConcurrentHashMap<>();
        final Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();
        final Map<Integer, Integer> skippedContainers = new ConcurrentHashMap<>();
        final Map<Integer, StoredSnapshot> stored = new ConcurrentHashMap<>();
        final Set<Integer> dockerCalls = ConcurrentHashMap.newKeySet();
        final Map<Integer, CountDownLatch> slowEndpoints = new ConcurrentHashMap<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public List<Endpoint> endpoints(EnvironmentConnection environment) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (endpointsFailure != null) {
                throw endpointsFailure;
            }
            return endpoints;
        }

        @Override
        public ListAnswer<Container> readContainers(EnvironmentConnection environment, int endpointId) {
            dockerCalls.add(endpointId);
            CountDownLatch slow = slowEndpoints.get(endpointId);
            if (slow != null) {
                try {
                    slow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            RuntimeException failure = failures.get(endpointId);
            if (failure != null) {
                throw failure;
            }
            return new ListAnswer<>(containers.getOrDefault(endpointId, List.of()),
                    skippedContainers.getOrDefault(endpointId, 0));
        }

        @Override
        public ListAnswer<Image> readImages(EnvironmentConnection environment, int endpointId) {
            return new ListAnswer<>(List.of(image(String.valueOf(endpointId))), 0);
        }

        @Override
        public ListAnswer<Network> readNetworks(EnvironmentConnection environment, int endpointId) {
            return new ListAnswer<>(List.of(), 0);
        }

        volatile List<Stack> stacks = List.of();
        volatile RuntimeException stacksFailure;

        @Override
        public List<Stack> stacks(EnvironmentConnection environment) {
            if (stacksFailure != null) {
                throw stacksFailure;
            }
            return stacks;
        }

        @Override
        public Optional<StoredSnapshot> storedSnapshot(EnvironmentConnection environment, int endpointId) {
            return Optional.ofNullable(stored.get(endpointId));
        }

        final Map<Integer, Integer> hostInfoCalls = new ConcurrentHashMap<>();
        volatile RuntimeException hostInfoFailure;
        volatile String operatingSystem = "Debian GNU/Linux 12 (bookworm)";

        @Override
        public HostInfo hostInfo(EnvironmentConnection environment, int endpointId) {
            hostInfoCalls.merge(endpointId, 1, Integer::sum);
            if (hostInfoFailure != null) {
                throw hostInfoFailure;
            }
            return new HostInfo(operatingSystem, "linux", "aarch64", "6.1.0", "27.3.1", 4, 8L << 30, Instant.now());
        }
    }

    @BeforeEach
    void setUp() {
        FleetMetrics metrics = new FleetMetrics() {
            @Override
            public void refreshed(String environment, Duration duration) {
            }

            @Override
            public void cacheHit(String tier) {
            }

            @Override
            public void cacheMiss() {
            }

            @Override
            public void snapshotAge(Supplier<Double> ageSeconds) {
            }
        };
        cache = new SnapshotCache();
        cache.metrics = metrics;
        cache.open(dir, false);
        collector = new FleetCollector();
        collector.gateway = portainer;
        collector.cache = cache;
        collector.metrics = metrics;
        collector.environments = new Environments() {
            @Override
            public List<EnvironmentConnection> active() {
                return List.of(prod);
            }

            @Override
            public boolean simulatedData() {
                return false;
            }
        };
        collector.executor = Executors.newFixedThreadPool(8);
        collector.timer = Executors.newSingleThreadScheduledExecutor();
        collector.maxConcurrency = 4;
        collector.endpointDeadlineSeconds = 5;
    }

    @AfterEach
    void tearDown() {
        collector.executor.shutdownNow();
        collector.timer.shutdownNow();
        cache.close();
    }

    private FleetSnapshot refresh() throws Exception {
        return collector.refresh().get(30, TimeUnit.SECONDS);
    }

    /** The published snapshot once it matches and no refresh is in flight (within 30 s). */
    private FleetSnapshot awaitQuiet(java.util.function.Predicate<FleetSnapshot> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            java.util.Optional<FleetSnapshot> now = cache.peek();
            if (!collector.refreshing() && now.isPresent() && matches.test(now.get())) {
                return now.get();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        throw new AssertionError("no matching snapshot without a refresh in flight within 30 s");
    }

    private static Map<String, FleetEndpoint> byKey(FleetSnapshot snapshot) {
        return snapshot.endpoints().stream().collect(Collectors.toMap(FleetEndpoint::key, e -> e));
    }

    @Test
    void offlineAndAsyncEdgeEndpointsGetNoDockerCalls() throws Exception {
        portainer.endpoints = List.of(agent(1, true), agent(2, false), asyncEdge(3));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        Instant storedAt = Instant.parse("2026-11-29T20:00:00Z");
        portainer.stored.put(3, new StoredSnapshot(storedAt,
                List.of(container("e", ContainerState.RUNNING, "Up 2 days", null)), List.of(), List.of()));

        FleetSnapshot snapshot = refresh();

        assertEquals(Set.of(1), portainer.dockerCalls);
        var endpoints = byKey(snapshot);
        assertEquals(DataSource.LIVE, endpoints.get("prod:1").dataSource());
        assertEquals(DataSource.NONE, endpoints.get("prod:2").dataSource());
        assertEquals(DataSource.PORTAINER_SNAPSHOT, endpoints.get("prod:3").dataSource());
        assertEquals(storedAt, endpoints.get("prod:3").dataAt(), "async edge data carries the snapshot's age");
        assertEquals(2, snapshot.counts().containersTotal());
    }

    @Test
    void hostFactsAreReadOncePerMaximumAgeAndKeptWhenAReadFails() throws Exception {
        portainer.endpoints = List.of(agent(1, true), agent(2, false), asyncEdge(3));
        Instant storedAt = Instant.parse("2026-11-29T20:00:00Z");
        HostInfo edgeHost = new HostInfo("Raspbian GNU/Linux 12", "linux", "armv7l", null, "26.1.4", 4, null,
                storedAt);
        portainer.stored.put(3, new StoredSnapshot(storedAt, List.of(), List.of(), List.of(), 0, edgeHost));

        var first = byKey(refresh());
        assertEquals("linux/aarch64", first.get("prod:1").host().platform());
        assertEquals("Debian GNU/Linux 12 (bookworm)", first.get("prod:1").host().operatingSystem());
        assertEquals(null, first.get("prod:2").host(), "an offline endpoint's host was never read");
        assertEquals(edgeHost, first.get("prod:3").host(), "an async edge agent's from Portainer's stored snapshot");
        assertEquals(Map.of(1, 1), portainer.hostInfoCalls, "only the live endpoint's /info is read");

        portainer.operatingSystem = "Ubuntu 24.04 LTS";
        refresh();
        assertEquals(Map.of(1, 1), portainer.hostInfoCalls, "younger than the maximum age: not read again");

        collector.hostInfoMaxAgeHours = 0;
        portainer.hostInfoFailure = new PortainerException(ErrorKind.SERVER_ERROR, "boom");
        var failed = byKey(refresh());
        assertEquals(2, portainer.hostInfoCalls.get(1), "older than the maximum age: read again");
        assertEquals("Debian GNU/Linux 12 (bookworm)", failed.get("prod:1").host().operatingSystem(),
                "a failed read keeps the facts known before");
        assertEquals(DataSource.LIVE, failed.get("prod:1").dataSource(), "and does not fail the endpoint");
        assertEquals(null, failed.get("prod:1").error());

        portainer.hostInfoFailure = null;
        assertEquals("Ubuntu 24.04 LTS", byKey(refresh()).get("prod:1").host().operatingSystem());
    }

    @Test
    void hostFactsAreReadAgainWhenTheAgentVersionChanges() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        refresh();
        refresh();
        assertEquals(Map.of(1, 1), portainer.hostInfoCalls, "same agent, facts young: read once");

        Endpoint upgraded = agent(1, true);
        portainer.endpoints = List.of(new Endpoint(upgraded.id(), upgraded.name(), upgraded.type(),
                upgraded.asyncEdge(), upgraded.rawStatus(), upgraded.online(), upgraded.lastCheckIn(),
                upgraded.checkinIntervalSeconds(), "2.27.1", upgraded.url(), upgraded.groupId(),
                upgraded.associated()));
        portainer.operatingSystem = "Ubuntu 24.04 LTS";
        var after = byKey(refresh());
        assertEquals(Map.of(1, 2), portainer.hostInfoCalls, "a new agent version: read again");
        assertEquals("Ubuntu 24.04 LTS", after.get("prod:1").host().operatingSystem());
        refresh();
        assertEquals(Map.of(1, 2), portainer.hostInfoCalls, "and then kept again");
    }

    @Test
    void itemsSkippedInAnEndpointsListsAreCountedOnItsRowAndItsOtherDataStays() throws Exception {
        portainer.endpoints = List.of(agent(1, true), agent(2, true), asyncEdge(3));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        portainer.skippedContainers.put(1, 2);
        portainer.containers.put(2, List.of(container("b", ContainerState.RUNNING, "Up 1 hour", null)));
        portainer.stored.put(3, new StoredSnapshot(Instant.parse("2026-11-29T20:00:00Z"),
                List.of(container("e", ContainerState.RUNNING, "Up 2 days", null)), List.of(), List.of(), 1, null));

        var endpoints = byKey(refresh());

        assertEquals(2, endpoints.get("prod:1").skippedItems());
        assertEquals(1, endpoints.get("prod:1").containers());
        assertEquals(DataSource.LIVE, endpoints.get("prod:1").dataSource());
        assertEquals(null, endpoints.get("prod:1").error(), "skipped items are no error of the endpoint");
        assertEquals(0, endpoints.get("prod:2").skippedItems());
        assertEquals(1, endpoints.get("prod:3").skippedItems(), "from Portainer's stored snapshot too");
    }

    @Test
    void anEndpointThatGoesOfflineKeepsItsLastKnownDataWithItsAge() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        FleetSnapshot first = refresh();

        portainer.endpoints = List.of(agent(1, false));
        FleetSnapshot second = refresh();

        FleetEndpoint endpoint = byKey(second).get("prod:1");
        assertEquals(DataSource.PREVIOUS, endpoint.dataSource());
        assertEquals(byKey(first).get("prod:1").dataAt(), endpoint.dataAt());
        assertEquals(1, endpoint.containers(), "the endpoint still says what it had, as of dataAt");
        assertEquals(0, second.counts().containersTotal(), "but an offline host's containers are not counted");
        assertEquals(1, second.counts().endpointsOffline());

        portainer.endpoints = List.of(agent(1, false));
        FleetSnapshot third = refresh();
        assertEquals(1, byKey(third).get("prod:1").containers(), "kept across refreshes while offline");
    }

    @Test
    void aFailingEndpointIsRecordedAndNeverFailsTheSnapshot() throws Exception {
        portainer.endpoints = List.of(agent(1, true), agent(2, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        portainer.failures.put(2, new PortainerException(ErrorKind.SERVER_ERROR, "prod: HTTP 502 from agent-2"));

        FleetSnapshot snapshot = refresh();

        var endpoints = byKey(snapshot);
        assertNull(endpoints.get("prod:1").error());
        assertEquals(ErrorKind.SERVER_ERROR, endpoints.get("prod:2").error().kind());
        assertEquals(1, snapshot.environments().get(0).endpointErrors());
        assertEquals(1, snapshot.counts().containersTotal());
    }

    @Test
    void aDeadEnvironmentKeepsWhatWasKnownAndSaysWhy() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        refresh();

        portainer.endpointsFailure = new PortainerException(ErrorKind.UNAVAILABLE, "prod: connection refused");
        FleetSnapshot snapshot = refresh();

        assertEquals(ErrorKind.UNAVAILABLE, snapshot.environments().get(0).error().kind());
        assertEquals(DataSource.PREVIOUS, byKey(snapshot).get("prod:1").dataSource());
        assertEquals(1, snapshot.counts().containersTotal());
    }

    @Test
    void aChangedEnvironmentIsReadAnewWithoutTheDataKnownBeforeTheChange() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        refresh();

        portainer.endpointsFailure = new PortainerException(ErrorKind.UNAVAILABLE, "prod: connection refused");
        collector.onEnvironmentsChanged(new EnvironmentsChanged("prod"));
        // The change starts a refresh of its own, off this thread: wait for it, so that none of the refreshes
        // below joins it (it reads with the failure still set).
        FleetSnapshot changed = awaitQuiet(s -> s.endpoints().isEmpty());

        assertEquals(ErrorKind.UNAVAILABLE, changed.environments().get(0).error().kind());
        assertEquals(List.of(), changed.endpoints(), "a new URL or key may be another server: nothing carried over");
        assertEquals(0, changed.counts().containersTotal());
        assertNull(changed.environments().get(0).lastSuccessAt());

        portainer.endpointsFailure = null;
        refresh();
        portainer.endpointsFailure = new PortainerException(ErrorKind.UNAVAILABLE, "prod: connection refused");
        assertEquals(1, refresh().counts().containersTotal(), "unchanged since: the last known data is kept");
    }

    @Test
    void aDeadEnvironmentKeepsItsStacksImagesAndLastSuccessfulReadTime() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", "shop")));
        portainer.stacks = List.of(new Stack(7, "shop", 1, io.fleetdashboard.portainer.entity.StackType.COMPOSE,
                true), new Stack(8, "idle", 1, io.fleetdashboard.portainer.entity.StackType.COMPOSE, false));
        FleetSnapshot good = refresh();
        Instant readAt = good.environments().get(0).lastSuccessAt();

        portainer.endpointsFailure = new PortainerException(ErrorKind.UNAVAILABLE, "prod: connection refused");
        FleetSnapshot failed = refresh();

        assertEquals(good.stacks(), failed.stacks(), "managed stacks neither vanish nor turn external");
        assertEquals(good.counts().images(), failed.counts().images());
        assertEquals(good.counts().containersTotal(), failed.counts().containersTotal());
        assertEquals(readAt, failed.environments().get(0).lastSuccessAt(), "a failed attempt is not a read");
        assertEquals(readAt, failed.freshness().dataAsOf());
        assertEquals(1, failed.freshness().environmentsFailed());
        assertEquals(good.endpoints().get(0).lastReadAt(), failed.endpoints().get(0).lastReadAt());
    }

    @Test
    void aFailedStackListKeepsTheLastKnownStacks() throws Exception {
        portainer.endpoints = List.of(agent(1, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", "shop")));
        portainer.stacks = List.of(new Stack(7, "shop", 1, io.fleetdashboard.portainer.entity.StackType.COMPOSE,
                true));
        FleetSnapshot good = refresh();

        portainer.stacksFailure = new PortainerException(ErrorKind.SERVER_ERROR, "stacks: 500");
        FleetSnapshot snapshot = refresh();

        assertEquals(good.stacks(), snapshot.stacks());
        assertEquals(7, snapshot.stacks().get(0).portainerId(), "still managed by Portainer");
        assertNull(snapshot.environments().get(0).error(), "the environment itself was read");
        assertEquals(ErrorKind.SERVER_ERROR, snapshot.environments().get(0).stacksError().kind());
        assertEquals(1, snapshot.freshness().environmentsStacksFailed());
    }

    @Test
    void aSlowEndpointDelaysOnlyItselfAndIsPublishedPendingWithItsLastKnownData() throws Exception {
        portainer.endpoints = List.of(agent(1, true), agent(2, true));
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null)));
        portainer.containers.put(2, List.of(container("b", ContainerState.RUNNING, "Up 1 hour", null)));
        FleetSnapshot before = refresh();
        CountDownLatch slow = new CountDownLatch(1);
        portainer.slowEndpoints.put(2, slow);
        portainer.containers.put(1, List.of(container("a", ContainerState.RUNNING, "Up 1 hour", null),
                container("c", ContainerState.RUNNING, "Up 1 minute", null)));
        collector.firstPaintMillis = 50;

        var complete = collector.refresh();
        FleetSnapshot firstPaint = collector.firstPublished().get(5, TimeUnit.SECONDS);

        assertFalse(complete.isDone(), "the slow endpoint is still being read");
        assertSame(firstPaint, cache.current().orElseThrow(), "published before the slow endpoint answered");
        assertEquals(1, firstPaint.freshness().endpointsPending());
        FleetEndpoint pending = byKey(firstPaint).get("prod:2");
        assertEquals(true, pending.pending());
        assertEquals(DataSource.PREVIOUS, pending.dataSource(), "its last known data stays");
        assertEquals(byKey(before).get("prod:2").dataAt(), pending.dataAt());
        assertEquals(DataSource.LIVE, byKey(firstPaint).get("prod:1").dataSource());
        assertEquals(3, firstPaint.counts().containersTotal(), "the fast endpoint's new data is in");

        slow.countDown();
        FleetSnapshot done = complete.get(10, TimeUnit.SECONDS);
        assertEquals(0, done.freshness().endpointsPending());
        assertSame(done, cache.current().orElseThrow(), "published again when the slow endpoint answered");
        assertFalse(collector.refreshing());
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        portainer.gate = new CountDownLatch(1);
        var first = collector.refresh();
        var second = collector.refresh();
        assertSame(first, second);
        portainer.gate.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertFalse(collector.refreshing());
    }
}
