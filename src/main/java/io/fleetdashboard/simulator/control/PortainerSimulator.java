package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.SimulatedServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLACEHOLDER on branch `gateway`, replaced by the simulator engineer's class at merge: no servers. */
@ApplicationScoped
public class PortainerSimulator {

    public List<SimulatedServer> servers() {
        return List.of();
    }
}
