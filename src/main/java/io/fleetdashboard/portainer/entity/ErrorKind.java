package io.fleetdashboard.portainer.entity;

/** What went wrong talking to a Portainer server, as shown to users and counted in /metrics. */
public enum ErrorKind {
    UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, SERVER_ERROR, EDGE_TUNNEL, TIMEOUT, UNAVAILABLE, MALFORMED, CIRCUIT_OPEN,
    OVERLOADED,
    /** Docker cannot do it for this container (HTTP 501: logs of a container whose log driver keeps none). */
    NOT_SUPPORTED
}
