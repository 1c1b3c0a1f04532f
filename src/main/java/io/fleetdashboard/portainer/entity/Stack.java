package io.fleetdashboard.portainer.entity;

/** A stack deployed through Portainer (/api/stacks); active is Status == 1. */
public record Stack(int id, String name, int endpointId, StackType type, boolean active) implements java.io.Serializable {
}
