package io.fleetdashboard.fleet.entity;

import java.io.Serializable;

/**
 * The fleet's headline numbers, computed once when a snapshot is built. Names match the simulator's truth.
 * <ul>
 *   <li>containers*: on endpoints whose data is current (online); {@code containersFromPortainerSnapshot} is the
 *       part of {@code containersTotal} that comes from Portainer's stored snapshots of async edge agents;</li>
 *   <li>{@code stacks}: Portainer stacks and unmanaged compose projects together; {@code stacksPortainer} counts the
 *       stacks deployed through Portainer, {@code composeProjectsUnmanaged} the compose projects it does not
 *       manage;</li>
 *   <li>{@code images}: image copies (one row per image per endpoint); {@code imagesDistinct} distinct image ids
 *       fleet-wide, {@code imagesDangling} distinct untagged ones, {@code imagesDistinctSizeBytes} the size of each
 *       distinct image counted once, {@code imageCopiesSizeBytes} the size of every copy;</li>
 *   <li>{@code endpointsStale}: endpoints whose data is not from this refresh (kept from before, or Portainer's
 *       stored snapshot older than an hour).</li>
 * </ul>
 */
public record FleetCounts(int environments, int endpointsTotal, int endpointsOnline, int endpointsOffline,
                          int containersTotal, int containersRunning, int containersStopped, int containersHealthy,
                          int containersUnhealthy, int containersRestarting, int stacks, int images,
                          int endpointsStale, int containersFromPortainerSnapshot, int stacksPortainer,
                          int composeProjectsUnmanaged, int imagesDistinct, int imagesDangling,
                          long imagesDistinctSizeBytes, long imageCopiesSizeBytes)
        implements Serializable {
}
