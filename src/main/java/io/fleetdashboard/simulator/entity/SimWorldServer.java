package io.fleetdashboard.simulator.entity;

import java.util.List;

/** Everything one simulated Portainer server holds. */
public record SimWorldServer(String name, String apiKey, String instanceId, List<SimEndpoint> endpoints,
        List<SimStack> stacks, List<String> tags, List<String> groups) {

    public SimEndpoint endpoint(int id) {
        return id >= 1 && id <= endpoints.size() ? endpoints.get(id - 1) : null;
    }
}
