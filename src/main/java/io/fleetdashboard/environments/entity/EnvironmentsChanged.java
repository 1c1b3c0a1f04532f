package io.fleetdashboard.environments.entity;

/** CDI event fired by the store after an environment was added, changed or removed. */
public record EnvironmentsChanged(String name) {
}
