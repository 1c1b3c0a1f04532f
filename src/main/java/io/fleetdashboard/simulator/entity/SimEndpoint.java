package io.fleetdashboard.simulator.entity;

import java.util.List;

/**
 * A simulated Portainer endpoint (environment). {@code type}: 1 Docker, 2 agent, 4 edge ({@code async} for
 * Edge.AsyncMode). {@code edgeId} null: never associated. {@code down}: non-edge with Status 2.
 * {@code checkinInterval} is the stored EdgeCheckinInterval (0 = Portainer's default of 5 s).
 * {@code offlineSince} > 0: the edge agent stopped checking in at that epoch second. {@code flappy}: with churn, the
 * agent goes offline for a few minutes every ten.
 */
public record SimEndpoint(int id, String name, int type, boolean async, boolean untrusted, String edgeId,
        boolean down, int checkinInterval, long offlineSince, boolean flappy, int cgroupVersion, int ncpu,
        long memTotal, int groupId, List<Integer> tagIds, String url, long bootTime, List<SimContainer> containers,
        List<SimImage> images, List<String> networks, List<String> volumes) {

    public boolean edge() {
        return type == 4 || type == 7;
    }
}
