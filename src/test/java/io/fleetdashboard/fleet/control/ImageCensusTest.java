package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.UnusedImages;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Image;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageCensusTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final FleetQueries queries = new FleetQueries();

    private static Container container(String id, String imageId, ContainerState state) {
        return new Container(id, "c-" + id, "img", imageId, state, state == ContainerState.RUNNING ? "Up" : "Exited",
                ContainerHealth.NONE, null, NOW, List.of(), null, null, List.of());
    }

    private static Image image(String id, long size, String... tags) {
        return new Image(id, List.of(tags), size, NOW, tags.length == 0);
    }

    private static EndpointHarvest endpoint(int id, List<Image> images, Container... containers) {
        return new EndpointHarvest(agent(id, true), DataSource.LIVE, NOW, NOW, false, List.of(containers), images,
                List.of(), null, 1);
    }

    private final Image nginx = image("sha256:n", 100, "nginx:1.27", "nginx:latest");
    private final Image redis = image("sha256:r", 50, "redis:7");
    private final Image dangling = image("sha256:d", 30);

    private final FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 1, false, List.of(
            new EnvironmentHarvest("prod", "Production", false, List.of(
                    endpoint(1, List.of(nginx, redis, dangling),
                            container("a", "sha256:n", ContainerState.RUNNING),
                            container("b", "sha256:n", ContainerState.EXITED),
                            container("c", "sha256:r", ContainerState.RUNNING)),
                    endpoint(2, List.of(nginx, redis),
                            container("d", "sha256:n", ContainerState.RUNNING),
                            // an image the endpoint does not list (removed since) is nobody's copy
                            container("e", "sha256:gone", ContainerState.RUNNING))),
                    List.of(), null, null, NOW, NOW, 1)));

    private ImageUsage byId(List<ImageUsage> images, String id) {
        return images.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anImageCountsItsCopiesAndTheContainersUsingIt() {
        List<ImageUsage> all = queries.imageUsage(snapshot, ImageUsageQuery.ALL);
        assertEquals(List.of("sha256:n", "sha256:r", "sha256:d"), all.stream().map(ImageUsage::id).toList(),
                "most containers first");
        ImageUsage n = byId(all, "sha256:n");
        assertEquals(2, n.endpoints());
        assertEquals(3, n.containers());
        assertEquals(2, n.running());
        assertEquals("nginx:1.27", n.name());
        ImageUsage d = byId(all, "sha256:d");
        assertEquals(true, d.dangling());
        assertEquals(true, d.unused());
        assertEquals("d", d.name(), "a dangling image is named by its short id");
    }

    @Test
    void anEndpointScopesTheCounts() {
        List<ImageUsage> two = queries.imageUsage(snapshot,
                new ImageUsageQuery(null, null, "prod:2", null, null, null, true));
        assertEquals(2, two.size());
        assertEquals(1, byId(two, "sha256:n").containers());
        assertEquals(1, byId(two, "sha256:n").endpoints());
        assertEquals(0, byId(two, "sha256:r").containers(), "redis runs on endpoint 1 only");
    }

    @Test
    void filtersAndSorts() {
        assertEquals(List.of("sha256:d"), ids(new ImageUsageQuery(null, null, null, true, null, null, false)));
        assertEquals(List.of("sha256:d"), ids(new ImageUsageQuery(null, null, null, null, true, null, false)));
        assertEquals(List.of("sha256:r", "sha256:n"),
                ids(new ImageUsageQuery(null, null, null, null, false, ImageUsageQuery.Sort.SIZE, false)));
        assertEquals(List.of("sha256:n"), ids(new ImageUsageQuery("LATEST", null, null, null, null, null, false)));
    }

    private List<String> ids(ImageUsageQuery query) {
        return queries.imageUsage(snapshot, query).stream().map(ImageUsage::id).toList();
    }

    @Test
    void unusedImagesAndTheirSizePerEndpoint() {
        List<UnusedImages> unused = queries.unusedImages(snapshot, null);
        assertEquals(List.of(new UnusedImages("prod:2", "agent-2", "prod", 2, 1, 50),
                new UnusedImages("prod:1", "agent-1", "prod", 3, 1, 30)), unused);
        assertEquals(List.of(), queries.unusedImages(snapshot, "staging"));
    }

    @Test
    void theCensusIsComputedOncePerSnapshotAndScope() {
        assertSame(queries.imageUsage(snapshot, ImageUsageQuery.ALL).get(0),
                queries.imageUsage(snapshot, ImageUsageQuery.ALL.withSort(ImageUsageQuery.Sort.NAME, false)).stream()
                        .filter(i -> i.id().equals("sha256:n")).findFirst().orElseThrow());
    }
}
