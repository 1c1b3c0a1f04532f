package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;

/**
 * The snapshot Portainer stores for an endpoint (GET /api/endpoints/{id}, Snapshots[0]): the only data source for
 * async edge endpoints, whose Docker proxy always fails. takenAt is the snapshot's Time.
 *
 * @param skippedItems items of its lists skipped because they could not be read
 * @param host         the host facts of its Info, or null when it has none
 */
public record StoredSnapshot(Instant takenAt, List<Container> containers, List<Image> images, List<Network> networks,
                             int skippedItems, HostInfo host) implements java.io.Serializable {

    public StoredSnapshot(Instant takenAt, List<Container> containers, List<Image> images, List<Network> networks) {
        this(takenAt, containers, images, networks, 0, null);
    }
}
