package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container from containers/json?all=1, kept compact (the fleet holds 50,000 of them).
 *
 * @param exitCode parsed from "Exited (137) ..." or "Restarting (1) ...", null otherwise
 * @param labels   its Docker labels (never null), for the search box's {@code key=value}
 */
public record Container(String id, String name, String image, String imageId, ContainerState state, String status,
                        ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                        String composeProject, String composeService, List<String> networks,
                        Map<String, String> labels) implements java.io.Serializable {

    /** A snapshot written before labels were kept deserializes with none. */
    public Container {
        labels = labels == null ? Map.of() : labels;
    }

    /** A container whose labels are not known. */
    public Container(String id, String name, String image, String imageId, ContainerState state, String status,
                     ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                     String composeProject, String composeService, List<String> networks) {
        this(id, name, image, imageId, state, status, health, exitCode, created, ports, composeProject,
                composeService, networks, Map.of());
    }
}
