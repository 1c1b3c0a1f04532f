package io.fleetdashboard.portainer.control;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * Portainer's and Docker's wire JSON, only the fields we read; read with {@link WireJson} (PascalCase naming, so
 * component {@code edgeID} is key {@code EdgeID}). Boxed types, since any key may be missing or null.
 * Private to the gateway: {@link Translation} turns these into portainer.entity records.
 */
final class Wire {

    private Wire() {
    }

    record Endpoint(Integer id, String name, Integer type, @JsonbProperty("URL") String url, Integer groupId,
                    Integer status, String edgeID, Integer edgeCheckinInterval, Long lastCheckInDate,
                    Boolean heartbeat, Edge edge, Agent agent, List<Snapshot> snapshots) {
    }

    record Edge(Boolean asyncMode) {
    }

    record Agent(String version) {
    }

    record Snapshot(Long time, SnapshotRaw dockerSnapshotRaw) {
    }

    record SnapshotRaw(List<Container> containers, List<Image> images, List<Network> networks) {
    }

    record Container(String id, List<String> names, String image, String imageID, String state, String status,
                     Long created, List<Port> ports, Map<String, String> labels, NetworkSettings networkSettings) {
    }

    record Port(@JsonbProperty("IP") String ip, Integer privatePort, Integer publicPort, String type) {
    }

    record NetworkSettings(Map<String, Object> networks) {
    }

    record Image(String id, List<String> repoTags, Long size, Long created) {
    }

    record Network(String id, String name, String driver, String scope) {
    }

    record Stack(Integer id, String name, Integer type, Integer endpointId, Integer status) {
    }

    record Status(String version, String instanceID) {
    }
}
