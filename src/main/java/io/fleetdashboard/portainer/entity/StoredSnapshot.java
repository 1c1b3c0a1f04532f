package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;

/**
 * The snapshot Portainer stores for an endpoint (GET /api/endpoints/{id}, Snapshots[0]): the only data source for
 * async edge endpoints, whose Docker proxy always fails. takenAt is the snapshot's Time.
 */
public record StoredSnapshot(Instant takenAt, List<Container> containers, List<Image> images, List<Network> networks) implements java.io.Serializable {
}
