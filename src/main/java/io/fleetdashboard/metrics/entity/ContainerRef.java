package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/** A container the store has samples of (also containers gone from the fleet since). */
public record ContainerRef(String key, String name, String endpointKey, String endpointName, Instant lastSeen) {

    /** "name · endpoint", for pickers. */
    public String label() {
        return name + " · " + endpointName;
    }
}
