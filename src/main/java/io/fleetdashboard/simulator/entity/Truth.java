package io.fleetdashboard.simulator.entity;

import java.util.List;

/**
 * What a correct dashboard must show for the current simulated state. Definitions:
 * <ul>
 * <li>{@code environments}: number of simulated Portainer servers.</li>
 * <li>{@code endpointsTotal}: endpoints the default {@code GET /api/endpoints} returns (untrusted edge hidden).</li>
 * <li>{@code endpointsOnline}: edge (type 4/7) by {@code Heartbeat}, others by {@code Status == 1};
 * {@code endpointsOffline = endpointsTotal - endpointsOnline}.</li>
 * <li>Containers and images are counted only on endpoints whose data a dashboard can obtain: online endpoints
 * reachable through the Docker proxy, plus online async edge endpoints (stored snapshot = current state).</li>
 * <li>{@code containersStopped = containersTotal - containersRunning} (running = State "running");
 * {@code containersRestarting}: State "restarting"; healthy/unhealthy from the Status text of any container.</li>
 * <li>{@code stacks}: distinct (server, endpointId, name) over /api/stacks entries on listed endpoints, united with
 * the compose projects ({@code com.docker.compose.project}) of counted containers.</li>
 * <li>{@code images}: number of {@code images/json} entries on counted endpoints (copies: one per endpoint).</li>
 * <li>{@code imagesDistinct}: distinct image ids over those entries, fleet-wide; {@code imagesDangling}: distinct
 * ids of those without a tag.</li>
 * <li>{@code stacksPortainer}: distinct (server, endpointId, name) of /api/stacks entries on listed endpoints;
 * {@code composeProjectsUnmanaged}: the compose projects of counted containers that are not such a stack
 * ({@code stacks = stacksPortainer + composeProjectsUnmanaged}).</li>
 * <li>{@code containersFromPortainerSnapshot}: containers of counted async edge endpoints (from Portainer's stored
 * snapshot); they are part of {@code containersTotal}.</li>
 * <li>{@code containersOomKilled}: exited or dead containers with State.OOMKilled (inspect) on counted endpoints
 * read through the Docker proxy (a dashboard cannot inspect those of async edge agents);
 * {@code containersExitedWithError}: every other counted container that is dead or exited with a non-zero code;
 * {@code containersRestartingRestartCounts}: RestartCount (inspect) of every restarting container on those
 * endpoints, by "server:endpointId:containerId" (a dashboard's container key).</li>
 * </ul>
 * Faults never change the truth.
 */
public record Truth(int environments, int endpointsTotal, int endpointsOnline, int endpointsOffline,
        int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
        int containersUnhealthy, int containersRestarting, int stacks, int images, int imagesDistinct,
        int imagesDangling, int stacksPortainer, int composeProjectsUnmanaged, int containersFromPortainerSnapshot,
        List<ServerTruth> servers, int containersOomKilled, int containersExitedWithError,
        java.util.Map<String, Integer> containersRestartingRestartCounts) {
}
