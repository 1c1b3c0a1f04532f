package io.fleetdashboard.portainer.entity;

/** A Docker network from /networks. */
public record Network(String id, String name, String driver, String scope) implements java.io.Serializable {
}
