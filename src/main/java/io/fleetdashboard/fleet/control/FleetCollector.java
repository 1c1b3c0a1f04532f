package io.fleetdashboard.fleet.control;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FetchError;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetNetwork;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.ListAnswer;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collects the whole fleet into one snapshot: every environment at once; per environment the endpoint list, then
 * each endpoint's containers, images and networks with at most PORTAINER_MAX_CONCURRENCY calls in flight and a
 * deadline per endpoint. Offline and async edge endpoints get no Docker calls: they keep their last known data
 * (async edge: Portainer's stored snapshot). One refresh runs at a time; concurrent callers share it.
 */
@ApplicationScoped
public class FleetCollector {

    private static final Logger LOG = Logger.getLogger(FleetCollector.class.getName());

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    SnapshotCache cache;

    @Inject
    FleetMetrics metrics;

    @Inject
    TroubleInspections inspections;

    /** Several instances on one database: only the lease holder collects (null in unit tests: always collects). */
    @Inject
    SharedSnapshots shared;

    /** The collector's own executor (server.xml): its concurrency policy bounds the threads a refresh can take. */
    @Resource(lookup = "concurrent/fleetCollector")
    ManagedExecutorService managedExecutor;

    @Resource
    ManagedScheduledExecutorService managedTimer;

    /** The managed executors in the server; plain ones in unit tests. */
    ExecutorService executor;
    ScheduledExecutorService timer;

    @Inject
    @ConfigProperty(name = "portainer.max.concurrency", defaultValue = "16")
    int maxConcurrency;

    @Inject
    @ConfigProperty(name = "portainer.endpoint.deadline.seconds", defaultValue = "30")
    int endpointDeadlineSeconds;

    /**
     * How old an endpoint's host facts (Docker's /info: operating system, architecture, engine) may be before a
     * refresh reads them again: hosts rarely change, so this costs one call per endpoint per period, not per refresh.
     */
    @Inject
    @ConfigProperty(name = "portainer.host.info.max.age.hours", defaultValue = "6")
    long hostInfoMaxAgeHours = 6;

    Clock clock = Clock.systemUTC();

    /**
     * How long a refresh waits for all endpoints before it publishes what it has, the rest marked pending (0 or
     * less: wait for all). The complete snapshot is published when the last endpoint answers or hits its deadline.
     */
    @Inject
    @ConfigProperty(name = "fleet.first.paint.millis", defaultValue = "2000")
    long firstPaintMillis = 2000;

    /** A refresh in flight: done completes with the complete snapshot, published with the first one published. */
    private record Run(CompletableFuture<FleetSnapshot> done, CompletableFuture<FleetSnapshot> published) {
    }

    private final AtomicReference<Run> inFlight = new AtomicReference<>();

    /** Environments added, changed or removed since the last refresh started: their last known data is dropped. */
    private final Set<String> changedSinceStart = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void useManagedExecutors() {
        executor = managedExecutor;
        timer = managedTimer;
    }

    /** Starts a refresh, or joins the one in flight; completes with the complete snapshot. */
    public CompletableFuture<FleetSnapshot> refresh() {
        return run().done();
    }

    /**
     * Starts a refresh, or joins the one in flight; completes with the first snapshot it publishes: the complete
     * one, or the one published at the first-paint deadline with the endpoints still in flight marked pending.
     */
    public CompletableFuture<FleetSnapshot> firstPublished() {
        return run().published();
    }

    private Run run() {
        while (true) {
            Run running = inFlight.get();
            if (running != null) {
                return running;
            }
            Run fresh = new Run(new CompletableFuture<>(), new CompletableFuture<>());
            if (inFlight.compareAndSet(null, fresh)) {
                start(fresh);
                return fresh;
            }
        }
    }

    /**
     * An environment was added, changed, enabled, disabled or removed: a refresh starts now (after the one in flight,
     * which began with the old list), so the fleet includes it or drops its data without waiting for the schedule.
     * Not at start-up (no snapshot yet): the first refresh comes anyway. The next refresh to start does not carry
     * the environment's last known data over (a new URL or key may be another server): what it shows is read anew.
     */
    void onEnvironmentsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnvironmentsChanged change) {
        changedSinceStart.add(change.name());
        if (cache.peek().isEmpty()) {
            return;
        }
        // Off the committing thread, reading the environments anew (not the list cached before the commit, which
        // another observer of this change may not have dropped yet), in a transaction of its own.
        executor.execute(() -> {
            environments.invalidate();
            Run running = inFlight.get();
            if (running == null) {
                refresh();
            } else {
                running.done().whenComplete((snapshot, error) -> refresh());
            }
        });
    }

    public boolean refreshing() {
        return inFlight.get() != null;
    }

    /** The refresh in flight, if any. */
    public Optional<CompletableFuture<FleetSnapshot>> inFlight() {
        return Optional.ofNullable(inFlight.get()).map(Run::done);
    }

    private void start(Run run) {
        if (shared != null && !shared.collectsHere()) {
            follow(run);
            return;
        }
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        CompletableFuture<FleetSnapshot> work;
        Object publishing = new Object();
        boolean[] complete = {false};
        ScheduledFuture<?> firstPaint = null;
        try {
            Set<String> changed = Set.copyOf(changedSinceStart);
            changedSinceStart.removeAll(changed);
            Previous previous = new Previous(cache.current().orElse(null), changed);
            boolean demo = environments.simulatedData();
            List<RefreshProgress> progress = environments.active().stream()
                    .map(environment -> new RefreshProgress(environment, previous)).toList();
            List<CompletableFuture<EnvironmentHarvest>> perEnvironment = progress.stream().map(this::collect)
                    .toList();
            if (firstPaintMillis > 0) {
                firstPaint = timer.schedule(() -> {
                    synchronized (publishing) {
                        if (!complete[0]) {
                            FleetSnapshot partial = FleetSnapshot.assemble(startedAt, millisSince(started), demo,
                                    progress.stream().map(p -> p.soFar(startedAt, millisSince(started))).toList(),
                                    previous.inspections());
                            cache.putProvisional(partial);
                            run.published().complete(partial);
                            LOG.fine(() -> "Published the fleet with " + partial.freshness().endpointsPending()
                                    + " endpoint(s) pending");
                        }
                    }
                }, firstPaintMillis, TimeUnit.MILLISECONDS);
            }
            work = CompletableFuture.allOf(perEnvironment.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<EnvironmentHarvest> harvests = perEnvironment.stream().map(CompletableFuture::join)
                                .toList();
                        FleetSnapshot snapshot = FleetSnapshot.assemble(startedAt, millisSince(started), demo,
                                harvests, previous.inspections());
                        synchronized (publishing) {
                            complete[0] = true;
                            cache.put(snapshot);
                        }
                        if (shared != null) {
                            shared.published(snapshot); // for the other instances, in the background
                        }
                        return snapshot;
                    });
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        ScheduledFuture<?> pendingFirstPaint = firstPaint;
        work.whenComplete((snapshot, error) -> {
            if (pendingFirstPaint != null) {
                pendingFirstPaint.cancel(false);
            }
            inFlight.set(null);
            if (error != null) {
                LOG.log(Level.WARNING, "Fleet refresh failed", BoundedFanOut.unwrap(error));
                run.published().completeExceptionally(BoundedFanOut.unwrap(error));
                run.done().completeExceptionally(BoundedFanOut.unwrap(error));
            } else {
                LOG.fine(() -> "Fleet refreshed in " + snapshot.durationMillis() + " ms");
                run.published().complete(snapshot);
                run.done().complete(snapshot);
                if (inspections != null) {
                    inspections.after(snapshot, executor, timer, this::refreshing); // restart counts, OOM kills
                }
            }
        });
    }

    /**
     * Another instance holds the collector lease: no Portainer call from here. The refresh asks the holder for one
     * and completes with the latest shared snapshot (the holder's next publish replaces it within a poll period).
     */
    private void follow(Run run) {
        executor.execute(() -> {
            try {
                FleetSnapshot snapshot = shared.follow().orElseThrow(NoSnapshotYetException::new);
                inFlight.set(null);
                run.published().complete(snapshot);
                run.done().complete(snapshot);
            } catch (RuntimeException e) {
                inFlight.set(null);
                run.published().completeExceptionally(e);
                run.done().completeExceptionally(e);
            }
        });
    }

    private CompletableFuture<EnvironmentHarvest> collect(RefreshProgress progress) {
        EnvironmentConnection environment = progress.environment();
        Previous previous = progress.previous();
        long started = System.nanoTime();
        Instant at = clock.instant();
        // group and tag names: read next to the endpoint list; without them endpoints show ids
        CompletableFuture<Names> names = CompletableFuture
                .supplyAsync(() -> new Names(gateway.groupNames(environment), gateway.tagNames(environment)), executor)
                .exceptionally(error -> {
                    LOG.fine(() -> "Group and tag names of " + environment.name() + " not read: " + error);
                    return Names.NONE;
                });
        return CompletableFuture.supplyAsync(() -> gateway.endpoints(environment), executor)
                .thenCombine(names, (endpoints, known) -> endpoints.stream()
                        .map(e -> e.named(known.groups(), known.tags())).toList())
                .thenCompose(endpoints -> {
                    Instant listedAt = clock.instant();
                    progress.listed(endpoints, listedAt);
                    CompletableFuture<StacksOrError> stacks = CompletableFuture
                            .supplyAsync(() -> new StacksOrError(gateway.stacks(environment), null), executor)
                            // a failed stack list keeps the last known stacks, so none vanish or turn "external"
                            .exceptionally(error -> new StacksOrError(previous.stacksOf(environment.name()),
                                    failure(error)))
                            .whenComplete((read, error) -> {
                                if (read != null) {
                                    progress.stacks(read.stacks(), read.error());
                                }
                            });
                    CompletableFuture<List<EndpointHarvest>> perEndpoint = BoundedFanOut.run(endpoints,
                            environment.maxConcurrency() > 0 ? environment.maxConcurrency() : maxConcurrency, Duration.ofSeconds(endpointDeadlineSeconds), executor, timer,
                            endpoint -> progress.endpointDone(harvest(environment, endpoint, previous)),
                            (endpoint, error) -> progress.endpointDone(
                                    previous.keep(environment.name(), endpoint, failure(error), 0)));
                    return perEndpoint.thenCombine(stacks, (harvests, stackResult) -> new EnvironmentHarvest(
                            environment.name(), environment.displayName(), environment.simulated(), harvests,
                            stackResult.stacks(), null, stackResult.error(), at, listedAt, millisSince(started)));
                })
                // the endpoint list failed: everything known before about this environment stays, as it was
                .exceptionally(error -> new EnvironmentHarvest(environment.name(), environment.displayName(),
                        environment.simulated(), previous.endpointsOf(environment.name(), false),
                        previous.stacksOf(environment.name()), failure(error), null, at,
                        previous.lastSuccessOf(environment.name()), millisSince(started)))
                .thenApply(progress::finished)
                .whenComplete((harvest, error) -> metrics.refreshed(environment.name(),
                        Duration.ofNanos(System.nanoTime() - started)));
    }

    /** An environment's endpoint group and tag names by id. */
    private record Names(Map<Integer, String> groups, Map<Integer, String> tags) {
        static final Names NONE = new Names(Map.of(), Map.of());
    }

    /** Runs on a managed thread; blocking gateway calls are fine here. */
    private EndpointHarvest harvest(EnvironmentConnection environment, Endpoint endpoint, Previous previous) {
        long started = System.nanoTime();
        try {
            if (endpoint.dockerReachable()) {
                ListAnswer<Container> containers = gateway.readContainers(environment, endpoint.id());
                ListAnswer<Image> images = gateway.readImages(environment, endpoint.id());
                ListAnswer<Network> networks = gateway.readNetworks(environment, endpoint.id());
                HostInfo host = hostInfo(environment, endpoint, previous);
                Instant readAt = clock.instant();
                return new EndpointHarvest(endpoint, DataSource.LIVE, readAt, readAt, false, containers.items(),
                        images.items(), networks.items(), null, millisSince(started), containers.skippedItems()
                        + images.skippedItems() + networks.skippedItems(), host);
            }
            if (endpoint.asyncEdge() && endpoint.online()) {
                Optional<StoredSnapshot> stored = gateway.storedSnapshot(environment, endpoint.id());
                if (stored.isPresent()) {
                    StoredSnapshot s = stored.get();
                    return new EndpointHarvest(endpoint, DataSource.PORTAINER_SNAPSHOT, s.takenAt(),
                            clock.instant(), false, s.containers(), s.images(), s.networks(), null,
                            millisSince(started), s.skippedItems(),
                            s.host() != null ? s.host() : previous.hostOf(environment.name(), endpoint));
                }
            }
            return previous.keep(environment.name(), endpoint, null, millisSince(started));
        } catch (RuntimeException e) {
            return previous.keep(environment.name(), endpoint, failure(e), millisSince(started));
        }
    }

    /**
     * The endpoint's host facts: those the last snapshot kept while younger than the maximum age and the agent's
     * version is the one they were read with (an agent upgrade often comes with a host upgrade), else read again.
     * A failed read keeps the old facts and does not fail the endpoint (its containers were read).
     */
    private HostInfo hostInfo(EnvironmentConnection environment, Endpoint endpoint, Previous previous) {
        HostInfo known = previous.hostOf(environment.name(), endpoint);
        if (known != null && known.readAt() != null
                && known.readAt().isAfter(clock.instant().minus(Duration.ofHours(hostInfoMaxAgeHours)))
                && previous.sameAgent(environment.name(), endpoint)) {
            return known;
        }
        try {
            return gateway.hostInfo(environment, endpoint.id());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, () -> "Host facts of " + endpoint.name() + " not read: " + e.getMessage());
            return known;
        }
    }

    private FetchError failure(Throwable error) {
        Throwable cause = BoundedFanOut.unwrap(error);
        if (cause instanceof PortainerException portainer) {
            return new FetchError(portainer.kind(), portainer.getMessage(), clock.instant());
        }
        if (cause instanceof TimeoutException) {
            return new FetchError(ErrorKind.TIMEOUT, "No answer within the deadline", clock.instant());
        }
        LOG.log(Level.WARNING, "Unexpected error while collecting", cause);
        return new FetchError(ErrorKind.SERVER_ERROR, "Unexpected error: " + cause.getClass().getSimpleName(),
                clock.instant());
    }

    private static long millisSince(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart).toMillis();
    }

    private record StacksOrError(List<Stack> stacks, FetchError error) {
    }

    /** The last snapshot, indexed by endpoint and environment, to keep data of what cannot be read now. */
    static final class Previous {
        private final Map<String, FleetEndpoint> endpoints;
        private final Map<String, List<Container>> containers;
        private final Map<String, List<Image>> images;
        private final Map<String, List<Network>> networks;
        private final Map<String, List<Stack>> stacks;
        private final Map<String, Instant> lastSuccess;
        private final Map<String, io.fleetdashboard.fleet.entity.InspectionFacts> inspections;

        Previous(FleetSnapshot snapshot) {
            this(snapshot, Set.of());
        }

        /** What the snapshot knew, less everything about the {@code forgotten} environments. */
        Previous(FleetSnapshot snapshot, Set<String> forgotten) {
            inspections = snapshot == null ? Map.of() : snapshot.inspections().entrySet().stream()
                    .filter(e -> !forgotten.contains(environmentOf(e.getKey())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (snapshot == null) {
                endpoints = Map.of();
                containers = Map.of();
                images = Map.of();
                networks = Map.of();
                stacks = Map.of();
                lastSuccess = Map.of();
                return;
            }
            endpoints = snapshot.endpoints().stream().filter(e -> !forgotten.contains(e.environment()))
                    .collect(Collectors.toMap(FleetEndpoint::key, e -> e));
            containers = java.util.stream.Stream.concat(snapshot.containers().stream(),
                    snapshot.offlineContainers().stream()).filter(c -> !forgotten.contains(c.environment()))
                    .collect(Collectors.groupingBy(FleetContainer::endpointKey,
                    Collectors.mapping(FleetContainer::container, Collectors.toList())));
            images = snapshot.images().stream().filter(i -> !forgotten.contains(i.environment()))
                    .collect(Collectors.groupingBy(FleetImage::endpointKey,
                    Collectors.mapping(FleetImage::image, Collectors.toList())));
            networks = snapshot.networks().stream().filter(n -> !forgotten.contains(n.environment()))
                    .collect(Collectors.groupingBy(FleetNetwork::endpointKey,
                    Collectors.mapping(FleetNetwork::network, Collectors.toList())));
            stacks = snapshot.stacks().stream().filter(s -> !s.external() && !forgotten.contains(s.environment()))
                    .collect(Collectors.groupingBy(FleetStack::environment,
                            Collectors.mapping(FleetStack::portainerStack, Collectors.toList())));
            lastSuccess = new java.util.HashMap<>();
            for (EnvironmentState environment : snapshot.environments()) {
                if (environment.lastSuccessAt() != null && !forgotten.contains(environment.name())) {
                    lastSuccess.put(environment.name(), environment.lastSuccessAt());
                }
            }
        }

        EndpointHarvest keep(String environment, Endpoint endpoint, FetchError error, long millis) {
            return keep(environment, endpoint, error, millis, false);
        }

        EndpointHarvest keep(String environment, Endpoint endpoint, FetchError error, long millis, boolean pending) {
            String key = FleetSnapshot.endpointKey(environment, endpoint.id());
            FleetEndpoint before = endpoints.get(key);
            if (before == null || before.dataAt() == null) {
                return new EndpointHarvest(endpoint, DataSource.NONE, null, before == null ? null
                        : before.lastReadAt(), pending, List.of(), List.of(), List.of(), error, millis, 0,
                        before == null ? null : before.host());
            }
            return new EndpointHarvest(endpoint, DataSource.PREVIOUS, before.dataAt(), before.lastReadAt(), pending,
                    containers.getOrDefault(key, List.of()), images.getOrDefault(key, List.of()),
                    networks.getOrDefault(key, List.of()), error, millis, 0, before.host());
        }

        /** Whether the last snapshot knew that endpoint with the agent version it reports now. */
        boolean sameAgent(String environment, Endpoint endpoint) {
            FleetEndpoint before = endpoints.get(FleetSnapshot.endpointKey(environment, endpoint.id()));
            return before != null && java.util.Objects.equals(before.endpoint().agentVersion(),
                    endpoint.agentVersion());
        }

        /** The host facts the last snapshot had for that endpoint, or null. */
        HostInfo hostOf(String environment, Endpoint endpoint) {
            FleetEndpoint before = endpoints.get(FleetSnapshot.endpointKey(environment, endpoint.id()));
            return before == null ? null : before.host();
        }

        /**
         * Everything known before about that environment, as it was: when its endpoint list failed, or (pending)
         * when it has not answered yet at the first-paint deadline.
         */
        List<EndpointHarvest> endpointsOf(String environment, boolean pending) {
            List<EndpointHarvest> kept = new ArrayList<>();
            for (FleetEndpoint endpoint : endpoints.values()) {
                if (endpoint.environment().equals(environment)) {
                    kept.add(keep(environment, endpoint.endpoint(), null, 0, pending));
                }
            }
            kept.sort(java.util.Comparator.comparingInt(h -> h.endpoint().id()));
            return kept;
        }

        /** What inspect said about containers in trouble, as the last snapshot kept it. */
        Map<String, io.fleetdashboard.fleet.entity.InspectionFacts> inspections() {
            return inspections;
        }

        /** The Portainer stacks of an environment as the last snapshot knew them. */
        List<Stack> stacksOf(String environment) {
            return stacks.getOrDefault(environment, List.of());
        }

        /** "prod" of a key "prod:12" or "prod:12:abc" (environment names hold no ':'). */
        private static String environmentOf(String key) {
            int colon = key.indexOf(':');
            return colon < 0 ? key : key.substring(0, colon);
        }

        /** When the environment's endpoint list was last read successfully, or null. */
        Instant lastSuccessOf(String environment) {
            return lastSuccess.get(environment);
        }
    }
}
