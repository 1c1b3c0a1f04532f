package io.fleetdashboard.simulator.entity;

/**
 * The mutable part of a simulated container, replaced as a whole (start/stop/restart, churn). Times are epoch
 * millis, 0 = never. {@code health} is none, healthy, unhealthy or starting. {@code pinned} means a user action
 * happened, so churn leaves the container alone from then on (latest wins).
 */
public record ContainerRuntime(String state, int exitCode, long startedAt, long finishedAt, int restartCount,
        String health, boolean pinned) {
}
