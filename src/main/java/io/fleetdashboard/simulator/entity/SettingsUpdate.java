package io.fleetdashboard.simulator.entity;

/** Body of {@code POST /simulator/control/config}: any subset of the fields; absent ones keep their value.
 * {@code hostile}: the hostile containers on sim-1's first endpoint (a reset turns them off again). */
public record SettingsUpdate(Integer servers, Integer endpoints, Integer containers, Long latencyMs, Long jitterMs,
        Boolean churn, Long seed, Boolean hostile) {
}
