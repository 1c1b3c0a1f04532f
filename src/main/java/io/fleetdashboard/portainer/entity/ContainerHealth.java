package io.fleetdashboard.portainer.entity;

/** Health from the Docker Status text: the list API has no health field before API 1.52. */
public enum ContainerHealth {
    HEALTHY, UNHEALTHY, STARTING, NONE;

    public static ContainerHealth fromStatus(String status) {
        if (status == null) {
            return NONE;
        }
        if (status.contains("(unhealthy)")) {
            return UNHEALTHY;
        }
        if (status.contains("(healthy)")) {
            return HEALTHY;
        }
        if (status.contains("(health: starting)")) {
            return STARTING;
        }
        return NONE;
    }
}
