package io.fleetdashboard.insights.control;

import io.fleetdashboard.containers.control.SecurityPosture;
import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.BoundedFanOut;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.insights.entity.ContainerPosture;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security posture of the fleet's running containers: each one inspected once (through the gateway's
 * background route, bounded concurrency, a deadline each) and kept by container key; a recreated container has a
 * new id, so a new key, and is inspected again. At most MONITORING_POSTURE_MAX_PER_ROUND new containers per round
 * (those never scanned first); containers gone from the snapshot are dropped. Findings: containers' SecurityPosture
 * plus the hygiene checks (health check, restart policy, memory limit, :latest).
 */
@ApplicationScoped
public class PostureScan {

    private static final Logger LOG = Logger.getLogger(PostureScan.class.getName());

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    @ConfigProperty(name = "monitoring.posture.max.per.round", defaultValue = "300")
    int maxPerRound = 300;

    @Inject
    @ConfigProperty(name = "monitoring.posture.concurrency", defaultValue = "4")
    int concurrency = 4;

    @Inject
    @ConfigProperty(name = "monitoring.posture.deadline.seconds", defaultValue = "10")
    int deadlineSeconds = 10;

    Clock clock = Clock.systemUTC();

    private final Map<String, ContainerPosture> known = new ConcurrentHashMap<>();

    /** Scans the running containers of that snapshot not scanned yet; completes with how many it scanned. */
    public CompletableFuture<Integer> scan(FleetSnapshot snapshot, Exclusions exclusions, ExecutorService executor,
                                           ScheduledExecutorService timer) {
        Set<String> present = snapshot.containers().stream().map(FleetContainer::key).collect(Collectors.toSet());
        known.keySet().retainAll(present);
        List<FleetContainer> todo = candidates(snapshot, exclusions).stream()
                .filter(c -> !known.containsKey(c.key())).limit(Math.max(0, maxPerRound)).toList();
        return BoundedFanOut.run(todo, concurrency, Duration.ofSeconds(deadlineSeconds), executor, timer,
                        this::inspect, (container, error) -> {
                            LOG.fine(() -> "Could not inspect " + container.key() + " for its posture: " + error);
                            return Optional.<ContainerPosture>empty();
                        })
                .thenApply(results -> {
                    int scanned = 0;
                    for (Optional<ContainerPosture> r : results) {
                        if (r.isPresent()) {
                            known.put(r.get().key(), r.get());
                            scanned++;
                        }
                    }
                    return scanned;
                });
    }

    /** Running containers on endpoints Docker can be asked about, not excluded, in key order. */
    static List<FleetContainer> candidates(FleetSnapshot snapshot, Exclusions exclusions) {
        Set<String> live = snapshot.endpoints().stream().filter(e -> e.dataSource() == DataSource.LIVE
                && e.endpoint().dockerReachable()).map(FleetEndpoint::key).collect(Collectors.toSet());
        return snapshot.containers().stream().filter(c -> live.contains(c.endpointKey()))
                .filter(c -> c.container().state() == ContainerState.RUNNING)
                .filter(c -> !exclusions.container(c.endpointName(), c.container().composeProject(),
                        c.container().name()))
                .sorted(Comparator.comparing(FleetContainer::key)).toList();
    }

    /** How many running containers of the snapshot are candidates (running, not excluded, Docker reachable). */
    public int running(FleetSnapshot snapshot, Exclusions exclusions) {
        return candidates(snapshot, exclusions).size();
    }

    /** How many of those have a posture. */
    public int scanned(FleetSnapshot snapshot, Exclusions exclusions) {
        return (int) candidates(snapshot, exclusions).stream().filter(c -> known.containsKey(c.key())).count();
    }

    public Collection<ContainerPosture> postures() {
        return List.copyOf(known.values());
    }

    public Optional<ContainerPosture> posture(String key) {
        return Optional.ofNullable(known.get(key));
    }

    private Optional<ContainerPosture> inspect(FleetContainer container) {
        Optional<EnvironmentConnection> connection = environments.connection(container.environment());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        String endpointKey = container.endpointKey();
        int endpointId = Integer.parseInt(endpointKey.substring(endpointKey.lastIndexOf(':') + 1));
        ContainerInspection inspection = gateway.inspectInBackground(connection.get(), endpointId,
                container.container().id());
        return Optional.of(posture(container, inspection, clock.instant()));
    }

    static ContainerPosture posture(FleetContainer container, ContainerInspection inspection, java.time.Instant at) {
        List<PostureFinding> findings = new ArrayList<>(SecurityPosture.of(inspection));
        findings.addAll(ContainerHygiene.of(inspection));
        findings.sort(Comparator.comparing(PostureFinding::severity));
        return new ContainerPosture(container.key(), container.container().name(), container.endpointKey(),
                container.endpointName(), container.container().composeProject(), container.container().image(),
                ContainerPosture.score(findings), findings, at);
    }
}
