package io.fleetdashboard.logs.entity;

import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.portainer.entity.ContainerLogSource;

/** A container whose logs can be read now: its key and what Docker's inspect said about its logs. */
public record LogTarget(ContainerKey key, ContainerLogSource source) {

    public String name() {
        return source.name().isEmpty() ? key.containerId().substring(0, 12) : source.name();
    }
}
