package io.fleetdashboard.simulator.entity;

/**
 * A temporary load spike on one simulated container, set through POST /simulator/control/spike.
 *
 * @param container container id (full or a prefix of at least 12 characters) or a fleet key "env:endpoint:id"
 * @param metric    cpu, memory, net (rx and tx) or block (read and write)
 * @param factor    multiplier of the metric's normal rate or level while the spike lasts
 * @param seconds   duration from the moment it was set
 * @param fromMillis set by the simulator: start of the spike (epoch ms)
 */
public record Spike(String container, String metric, double factor, long seconds, long fromMillis) {

    public long toMillis() {
        return fromMillis + seconds * 1000;
    }

    /** Milliseconds of [start, t] covered by the spike. */
    public long overlapMillis(long startMillis, long tMillis) {
        long from = Math.max(startMillis, fromMillis);
        long to = Math.min(tMillis, toMillis());
        return Math.max(0, to - from);
    }

    public boolean active(long tMillis) {
        return tMillis >= fromMillis && tMillis < toMillis();
    }
}
