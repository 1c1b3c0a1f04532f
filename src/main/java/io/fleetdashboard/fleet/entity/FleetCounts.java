package io.fleetdashboard.fleet.entity;

import java.io.Serializable;

/** The fleet's headline numbers, computed once when a snapshot is built. Names match the simulator's truth. */
public record FleetCounts(int environments, int endpointsTotal, int endpointsOnline, int endpointsOffline,
                          int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
                          int containersUnhealthy, int containersRestarting, int stacks, int images)
        implements Serializable {
}
