package io.fleetdashboard.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-environment series follow the environments, whether a change event says so or not. */
class FleetGaugesTest {

    /** What a registry holds: metric id → its value supplier (only what FleetGauges calls). */
    final Map<MetricID, Supplier<?>> series = new ConcurrentHashMap<>();
    final List<String> configured = new ArrayList<>();
    /** The list Environments hands out until invalidated, as its cache does. */
    List<String> cachedList;
    FleetSnapshot snapshot;
    FleetGauges gauges;

    @BeforeEach
    void wire() {
        gauges = new FleetGauges();
        gauges.registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "gauge" -> {
                        String name = ((org.eclipse.microprofile.metrics.Metadata) args[0]).getName();
                        series.putIfAbsent(new MetricID(name, (Tag[]) args[2]), (Supplier<?>) args[1]);
                        yield null;
                    }
                    case "remove" -> series.remove((MetricID) args[0]) != null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        gauges.environments = new Environments() {
            @Override
            public List<EnvironmentConnection> active() {
                if (cachedList == null) {
                    cachedList = List.copyOf(configured);
                }
                return cachedList.stream().map(name -> new EnvironmentConnection(name, name,
                        URI.create("http://localhost:1"), "key", true, true)).toList();
            }

            @Override
            public void invalidate() {
                cachedList = null;
            }
        };
        gauges.snapshots = new Snapshots() {
            @Override
            public Optional<FleetSnapshot> ifPresent() {
                return Optional.ofNullable(snapshot);
            }
        };
        gauges.gateway = new io.fleetdashboard.portainer.control.PortainerGateway();
    }

    Set<String> breakers() {
        Set<String> names = new TreeSet<>();
        series.keySet().stream().filter(id -> id.getName().equals(FleetGauges.BREAKER))
                .forEach(id -> names.add(id.getTags().get("environment")));
        return names;
    }

    void scrape() {
        series.values().forEach(Supplier::get);
    }

    @Test
    void anEnvironmentAddedAndRemovedLeavesTheOthersSeriesEvenWhenTheCacheIsDroppedLater() {
        configured.addAll(List.of("sim-1", "sim-2"));
        gauges.sync();
        assertEquals(Set.of("sim-1", "sim-2"), breakers());

        configured.add("prod");
        // the change event reaches FleetGauges before Environments dropped its cached list
        gauges.onChange(new EnvironmentsChanged("prod"));
        assertEquals(Set.of("prod", "sim-1", "sim-2"), breakers());

        configured.remove("prod");
        gauges.onChange(new EnvironmentsChanged("prod"));
        assertEquals(Set.of("sim-1", "sim-2"), breakers());
        assertEquals(0, series.keySet().stream().filter(id -> "prod".equals(id.getTags().get("environment")))
                .count(), "no series of the removed environment");
        scrape();
        assertEquals(Set.of("sim-1", "sim-2"), breakers());
    }

    @Test
    void aSimulatedServerThatComesAndGoesWithoutAnEventGetsItsSeriesWithTheNextSnapshot() {
        configured.addAll(List.of("sim-1", "sim-2"));
        gauges.sync();
        snapshot = FleetSnapshot.assemble(Instant.EPOCH, 1, true, List.of());
        scrape();

        configured.add("sim-3");
        cachedList = null; // stand-ins are read live
        snapshot = FleetSnapshot.assemble(Instant.EPOCH, 1, true, List.of());
        scrape();
        assertEquals(Set.of("sim-1", "sim-2", "sim-3"), breakers());

        configured.remove("sim-3");
        cachedList = null;
        snapshot = FleetSnapshot.assemble(Instant.EPOCH, 1, true, List.of());
        scrape();
        assertEquals(Set.of("sim-1", "sim-2"), breakers());
        scrape();
        assertEquals(Set.of("sim-1", "sim-2"), breakers());
    }
}
