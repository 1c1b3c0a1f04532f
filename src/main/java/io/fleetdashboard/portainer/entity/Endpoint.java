package io.fleetdashboard.portainer.entity;

import java.time.Instant;

/**
 * One Portainer endpoint as our code sees it, translated from the wire by the gateway.
 *
 * @param online        edge-aware: Heartbeat for edge endpoints (portainer-api.md 2.5), Status == 1 otherwise
 * @param lastCheckIn   edge endpoints only, null when never checked in
 * @param associated    false for an edge endpoint with no EdgeID (no agent registered yet)
 */
public record Endpoint(int id, String name, EndpointType type, boolean asyncEdge, int rawStatus, boolean online,
                       Instant lastCheckIn, int checkinIntervalSeconds, String agentVersion, String url,
                       int groupId, boolean associated) implements java.io.Serializable {

    /** Whether Docker calls through Portainer's proxy can work at all: no calls to offline or async edge endpoints. */
    public boolean dockerReachable() {
        return online && type.docker() && !asyncEdge && (!type.edge() || associated);
    }
}
