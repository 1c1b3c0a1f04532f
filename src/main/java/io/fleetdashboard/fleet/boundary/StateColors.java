package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.portainer.entity.ContainerState;

/** The colour of a container state in every chart, so "running" is the same green on each page. */
final class StateColors {

    static final String GOOD = "#22c55e";
    static final String BAD = "#ef4444";

    private StateColors() {
    }

    /** The colour of a health check state: healthy green, unhealthy red, starting amber, none grey. */
    static String of(io.fleetdashboard.portainer.entity.ContainerHealth health) {
        return switch (health) {
            case HEALTHY -> GOOD;
            case UNHEALTHY -> BAD;
            case STARTING -> "#f59e0b";
            case NONE -> "#94a3b8";
        };
    }

    static String of(ContainerState state) {
        return switch (state) {
            case RUNNING -> GOOD;
            case EXITED -> "#94a3b8";
            case DEAD -> "#475569";
            case PAUSED -> "#f59e0b";
            case RESTARTING -> "#3b82f6";
            default -> "#a855f7";
        };
    }
}
