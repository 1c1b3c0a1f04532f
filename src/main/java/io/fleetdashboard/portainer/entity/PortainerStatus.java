package io.fleetdashboard.portainer.entity;

/** GET /api/system/status: the server's version and instance id; a cheap "does this server answer" check. */
public record PortainerStatus(String version, String instanceId) {
}
