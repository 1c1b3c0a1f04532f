package io.fleetdashboard.fleet.entity;

import java.io.Serializable;

/**
 * The fleet's headline numbers, computed once when a snapshot is built. Names match the simulator's truth.
 * endpointsStale: endpoints whose data is not from this refresh (kept from before, or Portainer's stored
 * snapshot older than an hour).
 */
public record FleetCounts(int environments, int endpointsTotal, int endpointsOnline, int endpointsOffline,
                          int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
                          int containersUnhealthy, int containersRestarting, int stacks, int images,
                          int endpointsStale)
        implements Serializable {
}
