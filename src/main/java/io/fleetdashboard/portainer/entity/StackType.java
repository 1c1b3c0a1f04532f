package io.fleetdashboard.portainer.entity;

public enum StackType {
    UNKNOWN, SWARM, COMPOSE, KUBERNETES;

    public static StackType of(int code) {
        return switch (code) {
            case 1 -> SWARM;
            case 2 -> COMPOSE;
            case 3 -> KUBERNETES;
            default -> UNKNOWN;
        };
    }
}
