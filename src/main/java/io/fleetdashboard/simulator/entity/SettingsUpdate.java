package io.fleetdashboard.simulator.entity;

/** Body of {@code POST /simulator/control/config}: any subset of the fields; absent ones keep their value. */
public record SettingsUpdate(Integer servers, Integer endpoints, Integer containers, Long latencyMs, Long jitterMs,
        Boolean churn, Long seed) {
}
