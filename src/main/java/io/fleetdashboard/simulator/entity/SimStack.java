package io.fleetdashboard.simulator.entity;

/** A compose stack deployed through Portainer (Type 2) on one endpoint. */
public record SimStack(int id, String name, int endpointId, int status, int resourceControlId, long creationDate) {
}
