package io.fleetdashboard.portainer.entity;

/** A published or exposed container port; publicPort is null when not published. */
public record Port(String ip, int privatePort, Integer publicPort, String type) implements java.io.Serializable {
}
