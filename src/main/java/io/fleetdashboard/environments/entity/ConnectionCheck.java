package io.fleetdashboard.environments.entity;

/** Result of testing an environment's connection: the server's version and what it manages. */
public record ConnectionCheck(String version, String instanceId, int endpoints, int onlineEndpoints) {
}
