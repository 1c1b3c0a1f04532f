package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.Counters;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * In demo mode, the simulated Portainer servers' own view of the traffic: requests received and TCP connections
 * accepted. Next to fleet_portainer_requests_total this shows connections opened vs requests sent, which the
 * client side cannot count (Liberty's REST client exposes no connection hook).
 */
@ApplicationScoped
public class SimulatorMetrics {

    @Inject
    PortainerSimulator simulator;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
                  @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("fleet_simulator_requests")
                .withDescription("Requests the simulated Portainer servers received (demo mode)").build(),
                simulator, s -> s.counters().map(Counters::requests).orElse(0L));
        registry.gauge(Metadata.builder().withName("fleet_simulator_connections")
                .withDescription("TCP connections the simulated Portainer servers accepted (demo mode)").build(),
                simulator, s -> s.counters().map(Counters::connections).orElse(0L));
    }
}
