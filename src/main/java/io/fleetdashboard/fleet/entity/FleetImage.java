package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Image;
import java.io.Serializable;

public record FleetImage(String environment, String endpointKey, String endpointName, Image image)
        implements Serializable {
}
