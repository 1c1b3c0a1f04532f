package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container from containers/json?all=1, kept compact (the fleet holds 50,000 of them).
 *
 * @param exitCode parsed from "Exited (137) ..." or "Restarting (1) ...", null otherwise
 * @param labels   its Docker labels (never null), for the search box's {@code key=value}
 * @param networkAddresses its IPv4 address on each network it is attached to (never null; "" while it has none,
 *                 e.g. stopped or on the host network), from NetworkSettings.Networks of the list
 */
public record Container(String id, String name, String image, String imageId, ContainerState state, String status,
                        ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                        String composeProject, String composeService, List<String> networks,
                        Map<String, String> labels, Map<String, String> networkAddresses)
        implements java.io.Serializable {

    /** A snapshot written before labels or addresses were kept deserializes with none. */
    public Container {
        labels = labels == null ? Map.of() : labels;
        networkAddresses = networkAddresses == null ? Map.of() : networkAddresses;
    }

    /** A container whose network addresses are not known. */
    public Container(String id, String name, String image, String imageId, ContainerState state, String status,
                     ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                     String composeProject, String composeService, List<String> networks,
                     Map<String, String> labels) {
        this(id, name, image, imageId, state, status, health, exitCode, created, ports, composeProject,
                composeService, networks, labels, Map.of());
    }

    /** Its address on that network, or "" when it has none or it is not attached. */
    public String addressOn(String network) {
        return networkAddresses.getOrDefault(network, "");
    }

    /** A container whose labels are not known. */
    public Container(String id, String name, String image, String imageId, ContainerState state, String status,
                     ContainerHealth health, Integer exitCode, Instant created, List<Port> ports,
                     String composeProject, String composeService, List<String> networks) {
        this(id, name, image, imageId, state, status, health, exitCode, created, ports, composeProject,
                composeService, networks, Map.of(), Map.of());
    }
}
