package io.fleetdashboard.fleet.entity;

/** Where an endpoint's container data in a snapshot came from. */
public enum DataSource {
    /** Fetched through the Docker proxy in this refresh. */
    LIVE,
    /** Portainer's stored snapshot: the only source for async edge endpoints. */
    PORTAINER_SNAPSHOT,
    /** Kept from an earlier refresh because the endpoint is offline or failed now; see dataAt for its age. */
    PREVIOUS,
    /** Nothing known yet. */
    NONE
}
