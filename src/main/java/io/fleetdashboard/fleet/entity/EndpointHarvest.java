package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import java.time.Instant;
import java.util.List;

/** What one refresh learned about one endpoint (or kept from before). */
public record EndpointHarvest(Endpoint endpoint, DataSource dataSource, Instant dataAt, List<Container> containers,
                              List<Image> images, List<Network> networks, FetchError error, long fetchMillis) {
}
