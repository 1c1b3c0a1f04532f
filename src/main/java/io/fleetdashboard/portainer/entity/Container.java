package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;

/**
 * A container from containers/json?all=1, kept compact (the fleet holds 50,000 of them).
 *
 * @param exitCode parsed from "Exited (137) ..." or "Restarting (1) ...", null otherwise
 */
public record Container(String id, String name, String image, String imageId, ContainerState state, String status,
                        ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                        String composeProject, String composeService, List<String> networks) implements java.io.Serializable {
}
