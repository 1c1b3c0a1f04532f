package io.fleetdashboard.fleet.control;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges of the fleet itself on /metrics, per environment: endpoints by status, containers by state and by health,
 * whether its last refresh succeeded, its circuit breaker; and the build. Labels are bounded (environments × a
 * fixed set of values; never a series per container or endpoint). Values are read from the snapshot being served
 * when Prometheus scrapes, counted once per snapshot. The series of an environment appear when it is configured
 * and go when it is removed.
 */
@ApplicationScoped
public class FleetGauges {

    static final String ENDPOINTS = "fleet_endpoints";
    static final String CONTAINERS = "fleet_containers";
    static final String HEALTH = "fleet_containers_by_health";
    static final String UP = "fleet_environment_up";
    static final String BREAKER = "fleet_portainer_breaker_state";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Snapshots snapshots;

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    private final Set<String> registered = new HashSet<>();
    private volatile Tallies tallies;

    /** The counts of one snapshot, per environment. */
    record Tallies(FleetSnapshot of, Map<String, int[]> endpoints, Map<String, EnumMap<ContainerState, Integer>> states,
                   Map<String, EnumMap<ContainerHealth, Integer>> health, Map<String, Boolean> up) {

        static Tallies of(FleetSnapshot snapshot) {
            Map<String, int[]> endpoints = new HashMap<>();
            Map<String, EnumMap<ContainerState, Integer>> states = new HashMap<>();
            Map<String, EnumMap<ContainerHealth, Integer>> health = new HashMap<>();
            Map<String, Boolean> up = new HashMap<>();
            if (snapshot != null) {
                for (FleetEndpoint e : snapshot.endpoints()) {
                    endpoints.computeIfAbsent(e.environment(), k -> new int[2])[e.online() ? 0 : 1]++;
                }
                for (FleetContainer c : snapshot.containers()) {
                    states.computeIfAbsent(c.environment(), k -> new EnumMap<>(ContainerState.class))
                            .merge(c.container().state(), 1, Integer::sum);
                    health.computeIfAbsent(c.environment(), k -> new EnumMap<>(ContainerHealth.class))
                            .merge(c.container().health(), 1, Integer::sum);
                }
                for (EnvironmentState environment : snapshot.environments()) {
                    up.put(environment.name(), !environment.failed());
                }
            }
            return new Tallies(snapshot, endpoints, states, health, up);
        }

        int endpoints(String environment, boolean online) {
            int[] counts = endpoints.get(environment);
            return counts == null ? 0 : counts[online ? 0 : 1];
        }

        int state(String environment, ContainerState state) {
            return states.getOrDefault(environment, new EnumMap<>(ContainerState.class)).getOrDefault(state, 0);
        }

        int health(String environment, ContainerHealth value) {
            return health.getOrDefault(environment, new EnumMap<>(ContainerHealth.class)).getOrDefault(value, 0);
        }
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class)
                 Object started) {
        registry.gauge(Metadata.builder().withName("fleet_build_info")
                .withDescription("Always 1; the version label says which build serves").build(), () -> 1,
                new Tag("version", version()));
        sync();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) EnvironmentsChanged change) {
        // Environments drops its cached list in an observer of the same event, in no given order: without this,
        // sync() could read the list from before the change (a new environment got no series, a removed one kept
        // its series until the next change).
        environments.invalidate();
        sync();
    }

    /** Series for every configured environment, none for environments no longer configured. */
    synchronized void sync() {
        Set<String> wanted = new HashSet<>();
        for (EnvironmentConnection environment : environments.active()) {
            wanted.add(environment.name());
        }
        for (String gone : new ArrayList<>(registered)) {
            if (!wanted.contains(gone)) {
                remove(gone);
                registered.remove(gone);
            }
        }
        for (String environment : wanted) {
            if (registered.add(environment)) {
                add(environment);
            }
        }
    }

    private Tallies current() {
        FleetSnapshot snapshot = snapshots.ifPresent().orElse(null);
        Tallies known = tallies;
        if (known == null || known.of() != snapshot) {
            known = Tallies.of(snapshot);
            tallies = known;
            // Simulated servers come and go without a change event (demo mode's stand-ins): every new snapshot
            // brings the series in line with the environments configured now.
            sync();
        }
        return known;
    }

    private void add(String environment) {
        Tag env = new Tag("environment", environment);
        gauge(ENDPOINTS, "Endpoints of the snapshot being served, by status (edge agents by heartbeat)",
                t -> t.endpoints(environment, true), env, new Tag("status", "online"));
        gauge(ENDPOINTS, "Endpoints of the snapshot being served, by status (edge agents by heartbeat)",
                t -> t.endpoints(environment, false), env, new Tag("status", "offline"));
        for (ContainerState state : ContainerState.values()) {
            gauge(CONTAINERS, "Containers of the snapshot being served (online endpoints), by state",
                    t -> t.state(environment, state), env, new Tag("state", state.label()));
        }
        for (ContainerHealth health : ContainerHealth.values()) {
            gauge(HEALTH, "Containers of the snapshot being served (online endpoints), by health check",
                    t -> t.health(environment, health), env,
                    new Tag("health", health.name().toLowerCase(java.util.Locale.ROOT)));
        }
        gauge(UP, "1 when the environment's last refresh read its endpoint list, 0 when it failed or never ran",
                t -> Boolean.TRUE.equals(t.up().get(environment)) ? 1 : 0, env);
        registry.gauge(Metadata.builder().withName(BREAKER)
                        .withDescription("The environment's circuit breaker: 0 closed, 1 half-open, 2 open").build(),
                () -> switch (gateway.breakerState(environment)) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                }, env);
    }

    private void gauge(String name, String description, ToIntFunction<Tallies> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.applyAsInt(current()), tags);
    }

    private void remove(String environment) {
        Tag env = new Tag("environment", environment);
        registry.remove(new MetricID(ENDPOINTS, env, new Tag("status", "online")));
        registry.remove(new MetricID(ENDPOINTS, env, new Tag("status", "offline")));
        for (ContainerState state : ContainerState.values()) {
            registry.remove(new MetricID(CONTAINERS, env, new Tag("state", state.label())));
        }
        for (ContainerHealth health : ContainerHealth.values()) {
            registry.remove(new MetricID(HEALTH, env, new Tag("health",
                    health.name().toLowerCase(java.util.Locale.ROOT))));
        }
        registry.remove(new MetricID(UP, env));
        registry.remove(new MetricID(BREAKER, env));
    }

    /** The version the build wrote into io/fleetdashboard/build.properties. */
    public static String version() {
        try (InputStream in = FleetGauges.class.getResourceAsStream("/io/fleetdashboard/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
