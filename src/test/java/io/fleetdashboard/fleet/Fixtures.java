package io.fleetdashboard.fleet;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.EndpointType;
import io.fleetdashboard.portainer.entity.Image;
import java.time.Instant;
import java.util.List;

/** Small, readable test data for the fleet tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Endpoint agent(int id, boolean online) {
        return new Endpoint(id, "agent-" + id, EndpointType.AGENT, false, online ? 1 : 2, online, null, 5, "2.23.0",
                "tcp://10.0.0." + id + ":9001", 1, true);
    }

    public static Endpoint asyncEdge(int id) {
        return new Endpoint(id, "edge-" + id, EndpointType.EDGE_AGENT, true, 1, true, Instant.now(), 60, "2.23.0",
                "portainer.example.com", 1, true);
    }

    public static Container container(String id, ContainerState state, String status, String project) {
        return new Container(id, "c-" + id, "nginx:1.27", "sha256:" + id, state, status,
                ContainerHealth.fromStatus(status), null, Instant.parse("2026-01-01T00:00:00Z"), List.of(), project,
                project == null ? null : "web", List.of("bridge"));
    }

    public static Image image(String id) {
        return new Image("sha256:" + id, List.of("nginx:1.27"), 1000, Instant.parse("2026-01-01T00:00:00Z"), false);
    }
}
