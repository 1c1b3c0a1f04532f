package io.fleetdashboard.environments.control;

import io.fleetdashboard.environments.entity.EnvironmentConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The Portainer servers the dashboard collects from: configured ones, or the simulator's in demo mode. */
@ApplicationScoped
public class Environments {

    /** Enabled environments, in a stable order. */
    public List<EnvironmentConnection> active() {
        return List.of();
    }

    /** True when no Portainer is configured and the built-in simulator stands in. */
    public boolean demoMode() {
        return true;
    }
}
