package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.EndpointType;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Port;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TranslationTest {

    private static final String AGENT = """
            {"Id":17,"Name":"plant-a-line-3","Type":2,"ContainerEngine":"docker","URL":"tcp://10.20.3.17:9001",
             "GroupId":3,"PublicURL":"10.20.3.17","TLSConfig":{"TLS":true,"TLSSkipVerify":true},"TagIds":[2,5],
             "Status":1,"Snapshots":[],"EdgeKey":"","EdgeCheckinInterval":5,"LastCheckInDate":0,"QueryDate":0,
             "Heartbeat":false,"Edge":{"AsyncMode":false,"PingInterval":0},"Agent":{"Version":"2.23.0"},
             "Tags":null}""";

    private static final String EDGE_ONLINE = """
            {"Id":212,"Name":"store-0481","Type":4,"URL":"portainer.example.com",
             "EdgeID":"0c8a6f0e-3f5b-4d7a-9a51-6c2f0b7d1e22","EdgeKey":"aHR0cHM6","EdgeCheckinInterval":5,
             "LastCheckInDate":1729700412,"QueryDate":1729700420,"Heartbeat":true,"UserTrusted":true,"Status":1,
             "Edge":{"AsyncMode":false,"PingInterval":0,"SnapshotInterval":0,"CommandInterval":0},
             "Agent":{"Version":"2.23.0"}}""";

    private static Endpoint endpoint(String json) {
        return Translation.endpoint(WireJson.parse(json, Wire.Endpoint.class));
    }

    @Test
    void agentEndpointIsOnlineByStatus() {
        Endpoint endpoint = endpoint(AGENT);
        assertEquals(17, endpoint.id());
        assertEquals("plant-a-line-3", endpoint.name());
        assertEquals(EndpointType.AGENT, endpoint.type());
        assertEquals("tcp://10.20.3.17:9001", endpoint.url());
        assertEquals(3, endpoint.groupId());
        assertEquals("2.23.0", endpoint.agentVersion());
        assertTrue(endpoint.online());
        assertTrue(endpoint.associated());
        assertFalse(endpoint.asyncEdge());
        assertNull(endpoint.lastCheckIn(), "0 means never");
        assertTrue(endpoint.dockerReachable());
    }

    @Test
    void dockerEndpointWithStatusTwoIsOfflineEvenWithHeartbeat() {
        Endpoint endpoint = endpoint("{\"Id\":1,\"Name\":\"local\",\"Type\":1,\"Status\":2,\"Heartbeat\":true}");
        assertEquals(EndpointType.DOCKER, endpoint.type());
        assertFalse(endpoint.online());
        assertEquals(2, endpoint.rawStatus());
        assertEquals("", endpoint.agentVersion());
    }

    @Test
    void edgeEndpointIsOnlineByHeartbeat() {
        Endpoint endpoint = endpoint(EDGE_ONLINE);
        assertEquals(EndpointType.EDGE_AGENT, endpoint.type());
        assertTrue(endpoint.online());
        assertTrue(endpoint.associated());
        assertEquals(Instant.ofEpochSecond(1729700412), endpoint.lastCheckIn());
        assertEquals(5, endpoint.checkinIntervalSeconds());
        assertTrue(endpoint.dockerReachable());
    }

    @Test
    void edgeEndpointWithoutHeartbeatIsOfflineThoughStatusSaysUp() {
        Endpoint endpoint = endpoint(EDGE_ONLINE.replace("\"Heartbeat\":true", "\"Heartbeat\":false"));
        assertFalse(endpoint.online(), "edge Status is not maintained; Heartbeat decides");
        assertEquals(1, endpoint.rawStatus());
        assertFalse(endpoint.dockerReachable());
    }

    @Test
    void asyncEdgeIsTypeFourWithAsyncMode() {
        Endpoint endpoint = endpoint(EDGE_ONLINE.replace("\"AsyncMode\":false", "\"AsyncMode\":true"));
        assertTrue(endpoint.asyncEdge());
        assertTrue(endpoint.online());
        assertFalse(endpoint.dockerReachable(), "the proxy always fails for async edge");
    }

    @Test
    void edgeKubernetesWithAsyncModeIsNotAsyncEdge() {
        Endpoint endpoint = endpoint("{\"Id\":9,\"Name\":\"k\",\"Type\":7,\"EdgeID\":\"x\",\"Heartbeat\":true,"
                + "\"Edge\":{\"AsyncMode\":true}}");
        assertEquals(EndpointType.EDGE_KUBERNETES, endpoint.type());
        assertFalse(endpoint.asyncEdge());
        assertTrue(endpoint.online());
    }

    @Test
    void edgeEndpointWithoutEdgeIdIsNotAssociated() {
        Endpoint endpoint = endpoint("{\"Id\":300,\"Name\":\"new-store\",\"Type\":4,\"Status\":1,"
                + "\"EdgeKey\":\"abc\",\"LastCheckInDate\":0,\"Heartbeat\":false,\"Edge\":{\"AsyncMode\":false}}");
        assertFalse(endpoint.associated());
        assertFalse(endpoint.online());
        assertNull(endpoint.lastCheckIn());
        assertFalse(endpoint.dockerReachable());
    }

    private static final String CONTAINER = """
            {"Id":"3f1c9e0a7b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f","Names":["/shop-web-1"],
             "Image":"registry.example.com/team/web:1.27.2","ImageID":"sha256:5b0f7c0c","Command":"nginx",
             "Created":1729600000,
             "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
             "Labels":{"com.docker.compose.project":"shop","com.docker.compose.service":"web",
                       "org.opencontainers.image.version":"1.27.2"},
             "State":"running","Status":"Up 3 days (healthy)","HostConfig":{"NetworkMode":"shop_default"},
             "NetworkSettings":{"Networks":{"shop_default":{"IPAMConfig":null,"NetworkID":"9ad0","IPAddress":"172.18.0.3"},
                                            "bridge":{"NetworkID":"1"}}},
             "Mounts":[{"Type":"volume","Name":"shop_data","RW":true}],
             "Portainer":{"ResourceControl":{"Id":31,"ResourceId":"17_shop","UserAccesses":[],"Public":false}}}""";

    @Test
    void containerIsTranslated() {
        Container container = Translation.container(WireJson.parse(CONTAINER, Wire.Container.class));
        assertEquals("shop-web-1", container.name(), "leading slash removed");
        assertEquals("registry.example.com/team/web:1.27.2", container.image());
        assertEquals("sha256:5b0f7c0c", container.imageId());
        assertEquals(ContainerState.RUNNING, container.state());
        assertEquals(ContainerHealth.HEALTHY, container.health());
        assertNull(container.exitCode());
        assertEquals(Instant.ofEpochSecond(1729600000), container.created());
        assertEquals(List.of(new Port("0.0.0.0", 80, 8080, "tcp"), new Port(null, 443, null, "tcp")),
                container.ports());
        assertEquals("shop", container.composeProject());
        assertEquals("web", container.composeService());
        assertEquals(List.of("bridge", "shop_default"), container.networks());
    }

    @Test
    void minimalContainerGetsEmptyListsAndShortIdName() {
        Container container = Translation.container(WireJson.parse(
                "{\"Id\":\"0123456789abcdef0123\",\"State\":\"weird\",\"Ports\":null,\"Labels\":null}",
                Wire.Container.class));
        assertEquals("0123456789ab", container.name());
        assertEquals(ContainerState.UNKNOWN, container.state());
        assertEquals(List.of(), container.ports());
        assertEquals(List.of(), container.networks());
        assertNull(container.composeProject());
        assertNull(container.created());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(value = {
            "Exited (137) 5 minutes ago|137", "Exited (0) 2 hours ago|0", "Restarting (1) 3 seconds ago|1",
            "Exited (-1) About a minute ago|-1", "Up 3 days (healthy)|", "Created|", "Up 2 hours (Paused)|",
            "Dead|", "Exited (99999999999) 1 hour ago|", "Exited (x) now|", "Exited (|"}, delimiter = '|')
    void exitCodeIsParsedFromStatusText(String status, Integer expected) {
        assertEquals(expected, Translation.exitCode(status));
    }

    @Test
    void exitedContainerHasExitCodeAndNoHealth() {
        Container container = Translation.container(WireJson.parse(CONTAINER
                .replace("\"State\":\"running\"", "\"State\":\"exited\"")
                .replace("Up 3 days (healthy)", "Exited (137) 5 minutes ago"), Wire.Container.class));
        assertEquals(ContainerState.EXITED, container.state());
        assertEquals(137, container.exitCode());
        assertEquals(ContainerHealth.NONE, container.health());
    }

    @Test
    void imagesAreDanglingWithoutRealTags() {
        List<Image> images = Translation.map(Arrays.asList(WireJson.parse("""
                [{"Id":"sha256:a","RepoTags":["nginx:1.27.2","nginx:latest"],"Size":192345678,"Created":1729000000,
                  "RepoDigests":["nginx@sha256:x"],"Containers":-1},
                 {"Id":"sha256:b","RepoTags":["<none>:<none>"],"Size":10,"Created":1},
                 {"Id":"sha256:c","RepoTags":null,"Size":20},
                 {"Id":"sha256:d","RepoTags":[]}]""", Wire.Image[].class)), Translation::image);
        assertEquals(List.of("nginx:1.27.2", "nginx:latest"), images.get(0).tags());
        assertEquals(192345678L, images.get(0).size());
        assertFalse(images.get(0).dangling());
        assertTrue(images.get(1).dangling());
        assertEquals(List.of(), images.get(1).tags());
        assertTrue(images.get(2).dangling());
        assertTrue(images.get(3).dangling());
        assertNull(images.get(2).created());
    }

    @Test
    void stacksAreTranslated() {
        List<Stack> stacks = Translation.map(Arrays.asList(WireJson.parse("""
                [{"Id":12,"Name":"shop","Type":2,"EndpointId":17,"SwarmId":"","Status":1,"GitConfig":null,
                  "Env":[{"name":"TAG","value":"1.27.2"}],"CreationDate":1727000000,"UpdateDate":1729600000},
                 {"Id":13,"Name":"old","Type":1,"EndpointId":3,"Status":2,"CreationDate":1727000000,
                  "UpdateDate":0}]""", Wire.Stack[].class)),
                Translation::stack);
        assertEquals(List.of(new Stack(12, "shop", 17, StackType.COMPOSE, true, Instant.ofEpochSecond(1727000000),
                        Instant.ofEpochSecond(1729600000)),
                new Stack(13, "old", 3, StackType.SWARM, false, Instant.ofEpochSecond(1727000000), null)), stacks,
                "UpdateDate 0 is Portainer's never");
    }

    @Test
    void storedSnapshotWithNullArraysHasEmptyLists() {
        Optional<StoredSnapshot> snapshot = Translation.storedSnapshot(WireJson.parse("""
                {"Id":5,"Name":"async-1","Type":4,"Snapshots":[{"Time":1729700000,"DockerVersion":"27.3.1",
                  "DockerSnapshotRaw":{"Containers":null,"Volumes":{"Volumes":null,"Warnings":null},
                  "Networks":[{"Name":"bridge","Id":"9ad0","Driver":"bridge","Scope":"local","Containers":{}}],
                  "Images":null,"Info":{"NCPU":8},"Version":{"ApiVersion":"1.47"}}}]}""", Wire.Endpoint.class));
        assertTrue(snapshot.isPresent());
        assertEquals(Instant.ofEpochSecond(1729700000), snapshot.get().takenAt());
        assertEquals(List.of(), snapshot.get().containers());
        assertEquals(List.of(), snapshot.get().images());
        assertEquals("bridge", snapshot.get().networks().get(0).name());
        assertEquals("local", snapshot.get().networks().get(0).scope());
    }

    @Test
    void storedSnapshotWithContainers() {
        Optional<StoredSnapshot> snapshot = Translation.storedSnapshot(WireJson.parse(
                "{\"Id\":5,\"Snapshots\":[{\"Time\":1,\"DockerSnapshotRaw\":{\"Containers\":[" + CONTAINER + "]}}]}",
                Wire.Endpoint.class));
        assertEquals("shop-web-1", snapshot.orElseThrow().containers().get(0).name());
    }

    @Test
    void noSnapshotIsEmpty() {
        assertTrue(Translation.storedSnapshot(WireJson.parse("{\"Id\":5,\"Snapshots\":[]}", Wire.Endpoint.class))
                .isEmpty());
        assertTrue(Translation.storedSnapshot(WireJson.parse("{\"Id\":5,\"Snapshots\":null}", Wire.Endpoint.class))
                .isEmpty());
        assertTrue(Translation.storedSnapshot(WireJson.parse("{\"Id\":5}", Wire.Endpoint.class)).isEmpty());
    }

    @Test
    void statusIsTranslated() {
        var status = Translation.status(WireJson.parse("{\"Version\":\"2.23.0\",\"InstanceID\":\"abc-1\"}",
                Wire.Status.class));
        assertEquals("2.23.0", status.version());
        assertEquals("abc-1", status.instanceId());
    }

    @Test
    void anEndpointIsNamedByItsGroupAndTags() {
        io.fleetdashboard.portainer.entity.Endpoint endpoint = Translation.endpoint(WireJson.parse(
                "{\"Id\":17,\"Name\":\"line-3\",\"Type\":2,\"Status\":1,\"GroupId\":3,\"TagIds\":[2,5]}",
                Wire.Endpoint.class));
        assertEquals(List.of(2, 5), endpoint.tagIds());
        var named = endpoint.named(java.util.Map.of(3, "plant-a"), java.util.Map.of(2, "site:berlin"));
        assertEquals("plant-a", named.groupName());
        assertEquals(List.of("site:berlin", "#5"), named.tags(), "a tag whose name is not known shows its id");
        assertEquals(null, endpoint.named(java.util.Map.of(), java.util.Map.of()).groupName());
    }

    @Test
    void labelsOfTheStreamingReaderAreKeptAsTheyAreAndNullsAreDroppedOrEmptied() {
        java.util.Map<String, String> immutable = java.util.Map.of("a", "1", "b", "2");
        assertTrue(Translation.labels(immutable) == immutable, "an immutable map without nulls is not copied");

        java.util.Map<String, String> bound = new java.util.HashMap<>();
        bound.put("a", "1");
        bound.put("b", null);
        bound.put(null, "x");
        java.util.Map<String, String> kept = Translation.labels(bound);
        assertEquals(java.util.Map.of("a", "1", "b", ""), kept, "a null value reads as empty, a null key is dropped");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> kept.put("c", "3"));

        java.util.Map<String, String> plain = new java.util.HashMap<>(java.util.Map.of("a", "1"));
        java.util.Map<String, String> copy = Translation.labels(plain);
        plain.put("z", "9");
        assertEquals(java.util.Map.of("a", "1"), copy, "a mutable map is copied");
        assertEquals(java.util.Map.of(), Translation.labels(java.util.Map.of()));
    }
}
