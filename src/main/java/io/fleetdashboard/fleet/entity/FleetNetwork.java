package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Network;
import java.io.Serializable;

public record FleetNetwork(String environment, String endpointKey, Network network) implements Serializable {
}
