package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Endpoint;
import java.io.Serializable;
import java.time.Instant;

/**
 * An endpoint in the fleet snapshot.
 *
 * @param key      namespaced id, "environment:endpointId"
 * @param dataAt   when its container data was read (null when none); older than the snapshot when kept from before
 * @param error    the last failure reading its data in this refresh, or null
 */
public record FleetEndpoint(String key, String environment, Endpoint endpoint, DataSource dataSource, Instant dataAt,
                            int containers, int running, FetchError error, long fetchMillis) implements Serializable {

    public String name() {
        return endpoint.name();
    }

    public boolean online() {
        return endpoint.online();
    }
}
