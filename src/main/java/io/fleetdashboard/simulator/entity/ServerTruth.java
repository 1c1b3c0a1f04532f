package io.fleetdashboard.simulator.entity;

/** What a correct dashboard shows for one simulated server; see {@link Truth} for the definitions. */
public record ServerTruth(String name, int endpointsTotal, int endpointsOnline, int endpointsOffline,
        int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
        int containersUnhealthy, int containersRestarting, int stacks, int images) {
}
