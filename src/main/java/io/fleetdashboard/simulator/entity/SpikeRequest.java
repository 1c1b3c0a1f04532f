package io.fleetdashboard.simulator.entity;

/** Body of POST /simulator/control/spike; missing factor means 10, missing seconds 120. */
public record SpikeRequest(String container, String metric, Double factor, Long seconds) {

    public Spike at(String containerId, long nowMillis) {
        return new Spike(containerId, metric, factor == null ? 10 : Math.max(0, factor),
                seconds == null ? 120 : Math.max(1, seconds), nowMillis);
    }
}
