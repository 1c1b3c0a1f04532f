package io.fleetdashboard.fleet.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Port;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetContainerListTest {

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static FleetContainer container(int i) {
        return new FleetContainer("prod:1:c" + i, "prod", "prod:1", "line-3", new Container("c" + i,
                "caf\u00e9-\uD83D\uDE80-" + i, "nginx:1.27", "sha256:abc", ContainerState.EXITED, "Exited (137) 1 h ago",
                ContainerHealth.NONE, 137, Instant.ofEpochSecond(1729700000, 123), List.of(new Port("0.0.0.0", 80,
                8080, "tcp"), new Port(null, 443, null, "tcp")), "shop", "web", List.of("bridge", "shop_default"),
                Map.of("com.docker.compose.project", "shop", "tier", "<front \"end\">", "n", "v" + i),
                Map.of("bridge", "", "shop_default", "172.18.0." + (i % 250))));
    }

    @Test
    void everyFieldSurvivesSerialization() throws Exception {
        List<FleetContainer> original = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            original.add(container(i));
        }
        original.add(new FleetContainer("a key of its own", "prod", "prod:1", "n", container(99).container()));
        original.add(new FleetContainer(null, null, null, null, container(98).container()));
        original.add(new FleetContainer("prod:1:x", "prod", "prod:1", null, new Container("x", null, null, null,
                null, null, null, null, null, null, null, null, null)));
        original.add(new FleetContainer("prod:1:y", "prod", "prod:1", "n", new Container("y", "y", "i",
                "x".repeat(70_000), ContainerState.RUNNING, "Up", ContainerHealth.HEALTHY, null, null, List.of(),
                null, null, List.of())));
        List<FleetContainer> list = FleetContainerList.of(original);

        Object read = roundTrip(list);

        assertInstanceOf(FleetContainerList.class, read);
        assertEquals(original, read);
        assertEquals(original.get(3).container(), ((List<?>) read).get(3) instanceof FleetContainer fc
                ? fc.container() : null);
    }

    @Test
    void isImmutable() {
        List<FleetContainer> list = FleetContainerList.of(List.of(container(1)));
        assertThrows(UnsupportedOperationException.class, () -> list.add(container(2)));
        assertEquals(1, list.size());
    }

    @Test
    void aSnapshotWithItsContainersSurvivesSerialization() throws Exception {
        FleetSnapshot snapshot = FleetSnapshot.assemble(Instant.parse("2026-12-02T08:00:00Z"), 10, false, List.of());
        FleetSnapshot read = (FleetSnapshot) roundTrip(snapshot);
        assertEquals(snapshot, read);
    }
}
