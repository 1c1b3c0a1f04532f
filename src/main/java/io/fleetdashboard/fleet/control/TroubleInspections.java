package io.fleetdashboard.fleet.control;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What containers/json cannot tell: how often a crash-looping container restarted, and whether a container killed
 * with exit code 137 ran out of memory. After each complete refresh, inspects a bounded number of the containers
 * that look so, or are dead (FLEET_INSPECT_MAX_PER_REFRESH; those never inspected first, then the longest ago), on the
 * collector's executor and bulkhead with a deadline each, and publishes the facts into the current snapshot, each
 * marked with its time. One round at a time; a page request never waits for it.
 */
@ApplicationScoped
public class TroubleInspections {

    private static final Logger LOG = Logger.getLogger(TroubleInspections.class.getName());

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    SnapshotCache cache;

    @Inject
    @ConfigProperty(name = "fleet.inspect.max.per.refresh", defaultValue = "64")
    int maxPerRefresh = 64;

    @Inject
    @ConfigProperty(name = "fleet.inspect.concurrency", defaultValue = "4")
    int concurrency = 4;

    @Inject
    @ConfigProperty(name = "fleet.inspect.deadline.seconds", defaultValue = "5")
    int deadlineSeconds = 5;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Starts a round for the containers in trouble in that snapshot, unless one runs, on the collector's executor
     * and timer; completes with the number of containers whose facts were published (0 when skipped). Once a new
     * refresh runs, the rest of the round is skipped: it never competes with a refresh for Portainer.
     */
    public CompletableFuture<Integer> after(FleetSnapshot snapshot, ExecutorService executor,
                                            ScheduledExecutorService timer, BooleanSupplier refreshing) {
        List<FleetContainer> chosen = candidates(snapshot, maxPerRefresh);
        if (chosen.isEmpty() || maxPerRefresh <= 0 || !running.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(0);
        }
        try {
            return BoundedFanOut.run(chosen, concurrency, Duration.ofSeconds(deadlineSeconds), executor, timer,
                            container -> refreshing.getAsBoolean() ? Optional.<Map.Entry<String, InspectionFacts>>empty()
                                    : inspect(container),
                            (container, error) -> {
                                LOG.fine(() -> "Could not inspect " + container.key() + ": " + error);
                                return Optional.<Map.Entry<String, InspectionFacts>>empty();
                            })
                    .thenApply(results -> {
                        Map<String, InspectionFacts> facts = new HashMap<>();
                        results.forEach(r -> r.ifPresent(e -> facts.put(e.getKey(), e.getValue())));
                        cache.update(current -> SnapshotEdits.withInspections(current, facts));
                        LOG.fine(() -> "Inspected " + facts.size() + " of " + chosen.size()
                                + " containers in trouble");
                        return facts.size();
                    })
                    .whenComplete((count, error) -> {
                        running.set(false);
                        if (error != null) {
                            LOG.log(Level.WARNING, "Inspecting containers in trouble failed",
                                    BoundedFanOut.unwrap(error));
                        }
                    });
        } catch (RuntimeException e) {
            running.set(false);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs on a managed thread: one blocking inspect through the gateway. */
    private Optional<Map.Entry<String, InspectionFacts>> inspect(FleetContainer container) {
        Optional<EnvironmentConnection> connection = environments.connection(container.environment());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        String endpointKey = container.endpointKey();
        int endpointId = Integer.parseInt(endpointKey.substring(endpointKey.lastIndexOf(':') + 1));
        ContainerInspection inspection = gateway.inspectInBackground(connection.get(), endpointId,
                container.container().id());
        Instant at = clock.instant();
        return Optional.of(Map.entry(container.key(), new InspectionFacts(inspection.restartCount(),
                inspection.state().oomKilled(), inspection.state().exitCode(), at)));
    }

    /**
     * The containers to inspect now, at most {@code max}: crash-looping ones, dead ones and those killed with exit
     * code 137 (SIGKILL: the OOM killer's, or a user's), on endpoints read live (Docker can be asked); never inspected first,
     * then crash loops (their count grows) before the rest, then the longest ago.
     */
    static List<FleetContainer> candidates(FleetSnapshot snapshot, int max) {
        if (max <= 0) {
            return List.of();
        }
        Set<String> live = snapshot.endpoints().stream().filter(e -> e.dataSource() == DataSource.LIVE
                && e.endpoint().dockerReachable()).map(FleetEndpoint::key).collect(Collectors.toSet());
        Map<String, InspectionFacts> known = snapshot.inspections();
        Comparator<FleetContainer> order = Comparator
                .comparing((FleetContainer c) -> known.containsKey(c.key()))
                .thenComparing(c -> c.container().state() != ContainerState.RESTARTING)
                .thenComparing(c -> known.containsKey(c.key()) ? known.get(c.key()).inspectedAt() : Instant.MIN)
                .thenComparing(FleetContainer::key);
        return snapshot.containers().stream().filter(c -> live.contains(c.endpointKey()))
                .filter(TroubleInspections::inTrouble).sorted(order).limit(max).toList();
    }

    /** Crash-looping, dead (the list shows no exit code), or exited with 137 (SIGKILL: OOM or not?). */
    static boolean inTrouble(FleetContainer fc) {
        var c = fc.container();
        return c.state() == ContainerState.RESTARTING || c.state() == ContainerState.DEAD
                || (c.state() == ContainerState.EXITED && c.exitCode() != null && c.exitCode() == 137);
    }
}
