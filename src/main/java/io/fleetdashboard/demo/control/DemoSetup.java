package io.fleetdashboard.demo.control;

import io.fleetdashboard.auth.control.StaticCredentials;
import io.fleetdashboard.environments.control.ConfiguredEnvironments;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.logsearch.control.LogSearchSettings;
import io.fleetdashboard.simulator.control.PortainerSimulator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;

/**
 * Everything demo mode adds, in one place, at start-up: after the configured environments are imported (priority
 * PLATFORM_BEFORE + 100) and before the collector and the other ordinary start-up observers. It starts the built-in
 * simulator (also with SIMULATOR_ENABLED=true, for benchmarks against it); in demo mode it registers the simulated
 * servers as this run's environments, lets sign-in generate the admin key and, unless KIBANA_LOGS_ENDPOINT is set,
 * gives the log search the simulator's Elasticsearch stand-in. The other components know nothing of
 * the simulator: environments only see stand-in connections marked simulated.
 */
@ApplicationScoped
public class DemoSetup {

    private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());

    @Inject
    DemoMode demoMode;

    @Inject
    PortainerSimulator simulator;

    @Inject
    Environments environments;

    @Inject
    StaticCredentials credentials;

    @Inject
    LogSearchSettings logSearch;

    @Inject
    io.fleetdashboard.assistant.control.ModelSettings modelSettings;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
                 @Initialized(ApplicationScoped.class) Object event) {
        if (!demoMode.simulatorRunning()) {
            LOG.info("Portainer simulator not started: a real Portainer is configured");
            return;
        }
        simulator.start();
        if (demoMode.active()) {
            environments.useStandIns(this::simulatedEnvironments);
            credentials.generateAdminWhenUnset();
            simulator.elasticsearch().ifPresent(search -> logSearch.useStandIn(URI.create(search.baseUrl()),
                    search.apiKey()));
            simulator.llm().ifPresent(llm -> modelSettings.useStandIn(URI.create(llm.baseUrl()), llm.apiKey()));
        }
    }

    private List<EnvironmentConnection> simulatedEnvironments() {
        return simulator.servers().stream().map(server -> new EnvironmentConnection(server.name(),
                "Simulated " + server.name(), URI.create(ConfiguredEnvironments.normalizeUrl(server.baseUrl())),
                server.apiKey(), true, true)).toList();
    }
}
