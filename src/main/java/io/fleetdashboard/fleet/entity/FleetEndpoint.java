package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.HostInfo;
import java.io.Serializable;
import java.time.Instant;

/**
 * An endpoint in the fleet snapshot.
 *
 * @param key        namespaced id, "environment:endpointId"
 * @param dataAt     when its container data was true (null when none): our read, Portainer's stored snapshot of an
 *                   async edge agent, or older than the snapshot when kept from before
 * @param lastReadAt when the dashboard last read it successfully (null: never)
 * @param pending    still being read when this snapshot was published; its data is the last known
 * @param images     distinct image ids on it
 * @param error      the last failure reading its data in this refresh, or null
 * @param skippedItems items of its Portainer lists skipped in the last read because they could not be read
 * @param host       what its Docker host is (operating system, architecture, engine), or null when never known
 */
public record FleetEndpoint(String key, String environment, Endpoint endpoint, DataSource dataSource, Instant dataAt,
                            Instant lastReadAt, boolean pending, int containers, int running, int images,
                            FetchError error,
                            long fetchMillis, int skippedItems, HostInfo host) implements Serializable {

    /** Without host facts. */
    public FleetEndpoint(String key, String environment, Endpoint endpoint, DataSource dataSource, Instant dataAt,
                         Instant lastReadAt, boolean pending, int containers, int running, int images,
                         FetchError error, long fetchMillis, int skippedItems) {
        this(key, environment, endpoint, dataSource, dataAt, lastReadAt, pending, containers, running, images, error,
                fetchMillis, skippedItems, null);
    }

    /** Without skipped items. */
    public FleetEndpoint(String key, String environment, Endpoint endpoint, DataSource dataSource, Instant dataAt,
                         Instant lastReadAt, boolean pending, int containers, int running, int images,
                         FetchError error, long fetchMillis) {
        this(key, environment, endpoint, dataSource, dataAt, lastReadAt, pending, containers, running, images, error,
                fetchMillis, 0);
    }

    public String name() {
        return endpoint.name();
    }

    public boolean online() {
        return endpoint.online();
    }
}
