package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.ContainerState;
import java.util.Map;

/**
 * How many containers of one endpoint are in each state (a bar of the Workloads chart).
 *
 * @param endpointKey null for the bar that groups every endpoint beyond the top ones ("others")
 * @param endpoints   how many endpoints the bar stands for (1, or the number grouped into "others")
 */
public record EndpointStates(String endpointKey, String endpointName, String environment, int endpoints,
                             Map<ContainerState, Integer> states, int total) {

    public boolean others() {
        return endpointKey == null;
    }

    public int count(ContainerState state) {
        return states.getOrDefault(state, 0);
    }
}
