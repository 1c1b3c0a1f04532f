package io.fleetdashboard.fleet.control;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FetchError;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetNetwork;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    @Resource
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

    Clock clock = Clock.systemUTC();

    private final AtomicReference<CompletableFuture<FleetSnapshot>> inFlight = new AtomicReference<>();

    @PostConstruct
    void useManagedExecutors() {
        executor = managedExecutor;
        timer = managedTimer;
    }

    /** Starts a refresh, or joins the one in flight. */
    public CompletableFuture<FleetSnapshot> refresh() {
        while (true) {
            CompletableFuture<FleetSnapshot> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<FleetSnapshot> fresh = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, fresh)) {
                start(fresh);
                return fresh;
            }
        }
    }

    public boolean refreshing() {
        return inFlight.get() != null;
    }

    /** The refresh in flight, if any, so a caller with no snapshot at all can wait for the first one. */
    public Optional<CompletableFuture<FleetSnapshot>> inFlight() {
        return Optional.ofNullable(inFlight.get());
    }

    private void start(CompletableFuture<FleetSnapshot> result) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        CompletableFuture<FleetSnapshot> work;
        try {
            Previous previous = new Previous(cache.current().orElse(null));
            List<EnvironmentConnection> targets = environments.active();
            List<CompletableFuture<EnvironmentHarvest>> perEnvironment = targets.stream()
                    .map(environment -> collect(environment, previous)).toList();
            work = CompletableFuture.allOf(perEnvironment.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<EnvironmentHarvest> harvests = perEnvironment.stream().map(CompletableFuture::join)
                                .toList();
                        FleetSnapshot snapshot = FleetSnapshot.assemble(startedAt, millisSince(started),
                                environments.demoMode(), harvests);
                        cache.put(snapshot);
                        return snapshot;
                    });
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((snapshot, error) -> {
            inFlight.set(null);
            if (error != null) {
                LOG.log(Level.WARNING, "Fleet refresh failed", BoundedFanOut.unwrap(error));
                result.completeExceptionally(BoundedFanOut.unwrap(error));
            } else {
                LOG.fine(() -> "Fleet refreshed in " + snapshot.durationMillis() + " ms");
                result.complete(snapshot);
            }
        });
    }

    private CompletableFuture<EnvironmentHarvest> collect(EnvironmentConnection environment, Previous previous) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        return CompletableFuture.supplyAsync(() -> gateway.endpoints(environment), executor)
                .thenCompose(endpoints -> {
                    CompletableFuture<StacksOrError> stacks = CompletableFuture
                            .supplyAsync(() -> new StacksOrError(gateway.stacks(environment), null), executor)
                            .exceptionally(error -> new StacksOrError(List.of(), failure(error)));
                    CompletableFuture<List<EndpointHarvest>> perEndpoint = BoundedFanOut.run(endpoints,
                            maxConcurrency, Duration.ofSeconds(endpointDeadlineSeconds), executor, timer,
                            endpoint -> harvest(environment, endpoint, previous),
                            (endpoint, error) -> previous.keep(environment.name(), endpoint, failure(error), 0));
                    return perEndpoint.thenCombine(stacks, (harvests, stackResult) -> new EnvironmentHarvest(
                            environment.name(), environment.displayName(), environment.simulated(), harvests,
                            stackResult.stacks(), stackResult.error(), at, millisSince(started)));
                })
                .exceptionally(error -> new EnvironmentHarvest(environment.name(), environment.displayName(),
                        environment.simulated(), previous.endpointsOf(environment.name()), List.of(),
                        failure(error), at, millisSince(started)))
                .whenComplete((harvest, error) -> metrics.refreshed(environment.name(),
                        Duration.ofNanos(System.nanoTime() - started)));
    }

    /** Runs on a managed thread; blocking gateway calls are fine here. */
    private EndpointHarvest harvest(EnvironmentConnection environment, Endpoint endpoint, Previous previous) {
        long started = System.nanoTime();
        try {
            if (endpoint.dockerReachable()) {
                List<Container> containers = gateway.containers(environment, endpoint.id());
                List<Image> images = gateway.images(environment, endpoint.id());
                List<Network> networks = gateway.networks(environment, endpoint.id());
                return new EndpointHarvest(endpoint, DataSource.LIVE, clock.instant(), containers, images, networks,
                        null, millisSince(started));
            }
            if (endpoint.asyncEdge() && endpoint.online()) {
                Optional<StoredSnapshot> stored = gateway.storedSnapshot(environment, endpoint.id());
                if (stored.isPresent()) {
                    StoredSnapshot s = stored.get();
                    return new EndpointHarvest(endpoint, DataSource.PORTAINER_SNAPSHOT, s.takenAt(), s.containers(),
                            s.images(), s.networks(), null, millisSince(started));
                }
            }
            return previous.keep(environment.name(), endpoint, null, millisSince(started));
        } catch (RuntimeException e) {
            return previous.keep(environment.name(), endpoint, failure(e), millisSince(started));
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

    /** The last snapshot, indexed by endpoint, to keep data of endpoints that cannot be read now. */
    static final class Previous {
        private final Map<String, FleetEndpoint> endpoints;
        private final Map<String, List<Container>> containers;
        private final Map<String, List<Image>> images;
        private final Map<String, List<Network>> networks;

        Previous(FleetSnapshot snapshot) {
            if (snapshot == null) {
                endpoints = Map.of();
                containers = Map.of();
                images = Map.of();
                networks = Map.of();
                return;
            }
            endpoints = snapshot.endpoints().stream().collect(Collectors.toMap(FleetEndpoint::key, e -> e));
            containers = java.util.stream.Stream.concat(snapshot.containers().stream(),
                    snapshot.offlineContainers().stream()).collect(Collectors.groupingBy(FleetContainer::endpointKey,
                    Collectors.mapping(FleetContainer::container, Collectors.toList())));
            images = snapshot.images().stream().collect(Collectors.groupingBy(FleetImage::endpointKey,
                    Collectors.mapping(FleetImage::image, Collectors.toList())));
            networks = snapshot.networks().stream().collect(Collectors.groupingBy(FleetNetwork::endpointKey,
                    Collectors.mapping(FleetNetwork::network, Collectors.toList())));
        }

        EndpointHarvest keep(String environment, Endpoint endpoint, FetchError error, long millis) {
            String key = FleetSnapshot.endpointKey(environment, endpoint.id());
            FleetEndpoint before = endpoints.get(key);
            if (before == null || before.dataAt() == null) {
                return new EndpointHarvest(endpoint, DataSource.NONE, null, List.of(), List.of(), List.of(), error,
                        millis);
            }
            return new EndpointHarvest(endpoint, DataSource.PREVIOUS, before.dataAt(),
                    containers.getOrDefault(key, List.of()), images.getOrDefault(key, List.of()),
                    networks.getOrDefault(key, List.of()), error, millis);
        }

        /** When the endpoint list itself failed: everything known before about that environment, as it was. */
        List<EndpointHarvest> endpointsOf(String environment) {
            List<EndpointHarvest> kept = new ArrayList<>();
            for (FleetEndpoint endpoint : endpoints.values()) {
                if (endpoint.environment().equals(environment)) {
                    kept.add(keep(environment, endpoint.endpoint(), null, 0));
                }
            }
            kept.sort(java.util.Comparator.comparingInt(h -> h.endpoint().id()));
            return kept;
        }
    }
}
