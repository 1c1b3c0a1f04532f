package io.fleetdashboard.fleet.entity;

/**
 * The images of one endpoint that no container on it uses (any state): what {@code docker image prune -a} would
 * remove there.
 *
 * @param images          image copies stored on the endpoint
 * @param unused          of those, the ones no container uses
 * @param reclaimableBytes the size of the unused ones
 */
public record UnusedImages(String endpointKey, String endpointName, String environment, int images, int unused,
                           long reclaimableBytes) {
}
