package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import java.time.Instant;
import java.util.List;

/**
 * What one refresh learned about one endpoint (or kept from before).
 *
 * @param dataAt     when the data was true: our read (live), Portainer's snapshot time, or kept from before
 * @param lastReadAt when the dashboard last read this endpoint successfully (null: never)
 * @param pending    still being read when the snapshot was published: the data is the last known
 * @param skippedItems items of its Portainer lists (containers, images, networks) skipped in this read because
 *                   they could not be read; the rest of the endpoint's data is there
 * @param host       what its Docker host is (kept from before when not read again), or null when never known
 */
public record EndpointHarvest(Endpoint endpoint, DataSource dataSource, Instant dataAt, Instant lastReadAt,
                              boolean pending, List<Container> containers, List<Image> images,
                              List<Network> networks, FetchError error, long fetchMillis, int skippedItems,
                              HostInfo host) {

    /** Without host facts. */
    public EndpointHarvest(Endpoint endpoint, DataSource dataSource, Instant dataAt, Instant lastReadAt,
                           boolean pending, List<Container> containers, List<Image> images, List<Network> networks,
                           FetchError error, long fetchMillis, int skippedItems) {
        this(endpoint, dataSource, dataAt, lastReadAt, pending, containers, images, networks, error, fetchMillis,
                skippedItems, null);
    }

    /** Without skipped items. */
    public EndpointHarvest(Endpoint endpoint, DataSource dataSource, Instant dataAt, Instant lastReadAt,
                           boolean pending, List<Container> containers, List<Image> images, List<Network> networks,
                           FetchError error, long fetchMillis) {
        this(endpoint, dataSource, dataAt, lastReadAt, pending, containers, images, networks, error, fetchMillis, 0);
    }
}
