package io.fleetdashboard.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode: no Portainer configured (neither PORTAINER_API_URL nor PORTAINER_ENVIRONMENTS), so the built-in
 * simulator's servers are the environments. SIMULATOR_ENABLED=true starts the simulator regardless (benchmarks).
 */
@ApplicationScoped
public class DemoMode {

    @Inject
    @ConfigProperty(name = "portainer.api.url")
    Optional<String> apiUrl;

    @Inject
    @ConfigProperty(name = "portainer.environments")
    Optional<String> environmentNames;

    @Inject
    @ConfigProperty(name = "simulator.enabled")
    Optional<Boolean> simulatorEnabled;

    public boolean active() {
        return blank(apiUrl) && blank(environmentNames);
    }

    public boolean simulatorRunning() {
        return active() || simulatorEnabled.orElse(false);
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
