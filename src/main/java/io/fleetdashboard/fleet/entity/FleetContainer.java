package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import java.io.Serializable;

/** A container in the fleet snapshot; key is "environment:endpointId:containerId". */
public record FleetContainer(String key, String environment, String endpointKey, String endpointName,
                             Container container) implements Serializable {
}
