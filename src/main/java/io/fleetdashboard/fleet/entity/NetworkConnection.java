package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.ContainerState;
import java.io.Serializable;

/**
 * One container attached to one Docker network, as the snapshot's container list says (NetworkSettings.Networks):
 * a row of the Networks page's connections table and an edge of its topology graph.
 *
 * @param networkKey   the network on its endpoint, "environment:endpointId/name": Docker network names repeat on
 *                     every endpoint (bridge, host), so a network is only the same network on the same endpoint
 * @param driver       from the endpoint's /networks list; "" when that list does not name it
 * @param address      the container's IPv4 address on the network; "" while it has none (stopped, host network)
 */
public record NetworkConnection(String environment, String endpointKey, String endpointName, String network,
                                String networkKey, String driver, String containerKey, String containerName,
                                ContainerState state, String stack, String address) implements Serializable {
}
