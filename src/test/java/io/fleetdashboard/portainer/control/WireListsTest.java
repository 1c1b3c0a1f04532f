package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireListsTest {

    /** One container as Docker 27 sends it, with fields we never read (nested ones too). */
    private static final String CONTAINER = """
            {"Id":"%s","Names":["/shop-web-1"],"Image":"nginx:1.27","ImageID":"sha256:abc","Command":"nginx -g",
             "Created":1729700000,"Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
             "Labels":{"com.docker.compose.project":"shop","com.docker.compose.service":"web","x":"y"},
             "State":"running","Status":"Up 2 hours (healthy)",
             "HostConfig":{"NetworkMode":"shop_default","Annotations":{"a":[1,2,{"b":null}]}},
             "NetworkSettings":{"Networks":{"shop_default":{"IPAMConfig":null,"Links":null,"Aliases":["a"],"IPAddress":"172.18.0.3"},
             "bridge":{}}},"Mounts":[{"Type":"volume","Name":"data"}]}""";

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String container(String id) {
        return CONTAINER.formatted(id);
    }

    private static List<Container> translated(WireLists.Read<Wire.Container> read) {
        return Translation.map(read.items(), Translation::container);
    }

    @Test
    void aContainerIsReadAsJsonBReadIt() {
        WireLists.Read<Wire.Container> read = WireLists.containers(json("[" + container("c1") + "]"));
        assertEquals(0, read.skipped());
        Container c = translated(read).get(0);
        assertEquals("c1", c.id());
        assertEquals("shop-web-1", c.name());
        assertEquals("nginx:1.27", c.image());
        assertEquals("sha256:abc", c.imageId());
        assertEquals(ContainerState.RUNNING, c.state());
        assertEquals(Instant.ofEpochSecond(1729700000), c.created());
        assertEquals(1, c.ports().size());
        assertEquals(8080, c.ports().get(0).publicPort());
        assertEquals("shop", c.composeProject());
        assertEquals("web", c.composeService());
        assertEquals(List.of("bridge", "shop_default"), c.networks());
        assertEquals(Map.of("shop_default", "172.18.0.3", "bridge", ""), c.networkAddresses());
        // the same item through JSON-B (the reader this one replaced) gives the same record
        Wire.Container[] bound = WireJson.parse("[" + container("c1") + "]", Wire.Container[].class);
        assertEquals(Translation.container(bound[0]), c);
    }

    @Test
    void nullAndEmptyListsAreEmpty() {
        assertEquals(0, WireLists.containers(json("null")).items().size());
        assertEquals(0, WireLists.containers(json(" [ ] ")).items().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"Created\":\"yesterday\"",            // a date as text
        "\"Created\":1.5",                       // not a whole number
        "\"Created\":99999999999999999999999",  // does not fit 64 bits
        "\"Created\":1e400",                     // a huge exponent
        "\"Created\":{\"$date\":1}",             // nested junk where a number belongs
        "\"Names\":\"/one\"",                    // a string where a list belongs
        "\"Names\":[1]",                         // a number in a list of strings
        "\"Id\":[\"a\"]",                        // a list where a string belongs
        "\"Labels\":[]",                         // a list where an object belongs
        "\"Ports\":[{\"PrivatePort\":\"eighty\"}]", // a bad element of the item's own list
        "\"Ports\":[{\"PrivatePort\":4294967296}]", // a port beyond 32 bits
        "\"State\":true"                         // a boolean where a string belongs
    })
    void oneBadItemIsSkippedAndCountedTheOthersStay(String badField) {
        String bad = "{\"Id\":\"bad\"," + badField + ",\"Image\":\"x\"}";
        WireLists.Read<Wire.Container> read = WireLists.containers(json("[" + container("c1") + "," + bad + ","
                + container("c3") + "]"));
        assertEquals(1, read.skipped(), badField);
        assertEquals(List.of("c1", "c3"), translated(read).stream().map(Container::id).toList());
    }

    @Test
    void itemsThatAreNoObjectsAreSkippedAndCountedNullsDropped() {
        WireLists.Read<Wire.Container> read = WireLists.containers(json("[1,\"x\",[{\"Id\":\"n\"}],null,true,"
                + container("c1") + "]"));
        assertEquals(4, read.skipped());
        assertEquals(List.of("c1"), translated(read).stream().map(Container::id).toList());
    }

    @Test
    void unicodeAndEscapesAreKept() {
        WireLists.Read<Wire.Container> read = WireLists.containers(json(
                "[{\"Id\":\"c\\u00e9\",\"Names\":[\"/caf\u00e9-\uD83D\uDE80\"],\"Status\":\"Up \\\"1\\\" \\n\"}]"));
        Container c = translated(read).get(0);
        assertEquals("c\u00e9", c.id());
        assertEquals("caf\u00e9-\uD83D\uDE80", c.name());
        assertEquals("Up \"1\" \n", c.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                        // empty body
        "   ",                     // only white space
        "[{\"Id\":\"c1\",\"Names\":[\"/a\"", // truncated inside an item
        "[{\"Id\":\"c1\"},",       // truncated between items
        "[{\"Id\":\"c1\"}] x",     // garbage after the list
        "{\"message\":\"no\"}",    // an object instead of a list
        "\"text\"",                // a string instead of a list
        "[{\"Id\" \"c1\"}]",       // a missing colon
        "[{\"Id\":\"c1\"}}]",      // unbalanced
        "<html>502</html>"         // not JSON at all
    })
    void invalidJsonIsAnError(String body) {
        assertThrows(JsonException.class, () -> WireLists.containers(json(body)));
    }

    @Test
    void deeplyNestedJunkInAnUnreadFieldIsSkippedWithoutRecursion() {
        String deep = "[{\"a\":".repeat(100_000) + "1" + "}]".repeat(100_000);
        WireLists.Read<Wire.Container> read = WireLists.containers(json("[{\"Id\":\"c1\",\"Junk\":" + deep + "}]"));
        assertEquals(List.of("c1"), translated(read).stream().map(Container::id).toList());
        // the same junk where a value is read: that item is skipped, its neighbour stays
        read = WireLists.containers(json("[{\"Id\":\"c1\",\"Created\":" + deep + "},{\"Id\":\"c2\"}]"));
        assertEquals(1, read.skipped());
        assertEquals(List.of("c2"), translated(read).stream().map(Container::id).toList());
    }

    @Test
    void anAnswerOverTheCapIsCutOffAndMalformed() {
        String body = "[" + container("c1") + "," + container("c2") + "]";
        InputStream capped = CappedBody.capped(json(body), 200, "Portainer 'prod' containers");
        RuntimeException e = assertThrows(RuntimeException.class, () -> WireLists.containers(capped));
        PortainerException classified = PortainerErrors.fromThrowable("prod", Route.CONTAINERS, e);
        assertEquals(ErrorKind.MALFORMED, classified.kind());
        // an answer of exactly the cap is read
        assertEquals(2, WireLists.containers(CappedBody.capped(json(body), body.getBytes(StandardCharsets.UTF_8)
                .length, "p")).items().size());
    }

    @Test
    void truncatedJsonIsClassifiedMalformed() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> WireLists.containers(json("[" + container("c1").substring(0, 80))));
        assertEquals(ErrorKind.MALFORMED, PortainerErrors.fromThrowable("prod", Route.CONTAINERS, e).kind());
    }

    @Test
    void imagesNetworksAndStacksSkipTheirBadItems() {
        WireLists.Read<Wire.Image> images = WireLists.images(json("[{\"Id\":\"i1\",\"RepoTags\":[\"a:1\"],"
                + "\"Size\":12,\"Created\":1},{\"Id\":\"i2\",\"Size\":\"big\"}]"));
        assertEquals(1, images.skipped());
        assertEquals("i1", images.items().get(0).id());
        WireLists.Read<Wire.Network> networks = WireLists.networks(json("[{\"Id\":\"n1\",\"Name\":\"bridge\","
                + "\"Driver\":\"bridge\",\"Scope\":\"local\",\"IPAM\":{\"Config\":[]}},{\"Id\":2}]"));
        assertEquals(1, networks.skipped());
        assertEquals("bridge", networks.items().get(0).name());
        WireLists.Read<Wire.Stack> stacks = WireLists.stacks(json("[{\"Id\":1,\"Name\":\"shop\",\"Type\":2,"
                + "\"EndpointId\":3,\"Status\":1,\"Env\":[{\"name\":\"a\",\"value\":\"b\"}],"
                + "\"CreationDate\":1727000000,\"UpdateDate\":0},"
                + "{\"Id\":\"two\",\"Name\":\"x\"}]"));
        assertEquals(1, stacks.skipped());
        assertEquals(3, stacks.items().get(0).endpointId());
        assertEquals(1727000000L, stacks.items().get(0).creationDate());
        assertEquals(0L, stacks.items().get(0).updateDate());
    }

    @Test
    void anEndpointListSkipsABadEndpoint() {
        WireLists.Read<Wire.Endpoint> read = WireLists.endpoints(json("[{\"Id\":1,\"Name\":\"a\",\"Type\":2,"
                + "\"Status\":1,\"Heartbeat\":false,\"Edge\":{\"AsyncMode\":false},\"Agent\":{\"Version\":\"2.23\"},"
                + "\"TLSConfig\":{\"TLS\":true}},{\"Id\":2,\"Name\":\"b\",\"LastCheckInDate\":\"soon\"}]"));
        assertEquals(1, read.skipped());
        Wire.Endpoint endpoint = read.items().get(0);
        assertEquals(1, endpoint.id());
        assertEquals("2.23", endpoint.agent().version());
        assertEquals(Boolean.FALSE, endpoint.edge().asyncMode());
    }

    @Test
    void aStoredSnapshotKeepsItsReadableContainersAndCountsTheBadOne() {
        String body = "{\"Id\":9,\"Name\":\"store\",\"Type\":4,\"Snapshots\":[{\"Time\":1729700000,"
                + "\"DockerSnapshotRaw\":{\"Containers\":[" + container("c1") + ",{\"Id\":\"c2\",\"Created\":\"x\"}],"
                + "\"Images\":[{\"Id\":\"i1\"}],\"Networks\":null,\"Info\":{\"a\":1}}},{\"Time\":1}]}";
        WireLists.Read<Wire.Endpoint> read = WireLists.endpoint(json(body));
        StoredSnapshot snapshot = Translation.storedSnapshot(read.items().get(0), read.skipped()).orElseThrow();
        assertEquals(1, snapshot.skippedItems());
        assertEquals(List.of("c1"), snapshot.containers().stream().map(Container::id).toList());
        assertEquals(1, snapshot.images().size());
        assertEquals(0, snapshot.networks().size());
        assertEquals(Instant.ofEpochSecond(1729700000), snapshot.takenAt());
    }

    @Test
    void dockerInfoGivesTheHostFactsAndIgnoresTheRest() {
        String body = "{\"ID\":\"7TRN\",\"Containers\":5,\"Runtimes\":{\"runc\":{\"path\":\"runc\"}},"
                + "\"OperatingSystem\":\"Debian GNU/Linux 12 (bookworm)\",\"OSType\":\"linux\","
                + "\"Architecture\":\"aarch64\",\"KernelVersion\":\"6.1.0-26-arm64\",\"NCPU\":4,"
                + "\"MemTotal\":8201400320,\"ServerVersion\":\"27.3.1\",\"Swarm\":{\"NodeID\":\"\"}}";
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        HostInfo host = Translation.hostInfo(WireLists.info(json(body)), at);
        assertEquals(new HostInfo("Debian GNU/Linux 12 (bookworm)", "linux", "aarch64", "6.1.0-26-arm64", "27.3.1",
                4, 8201400320L, at), host);
        assertEquals("linux/aarch64", host.platform());
        HostInfo bare = Translation.hostInfo(WireLists.info(json("{\"OSType\":\"\",\"NCPU\":\"x\"}")), at);
        assertEquals(null, bare.platform(), "blank and mistyped fields are unknown");
        assertEquals(null, bare.cpus());
        assertThrows(JsonException.class, () -> WireLists.info(json("[1]")));
    }

    @Test
    void aStoredSnapshotCarriesItsHostFactsAsOfItsTime() {
        String body = "{\"Id\":9,\"Type\":4,\"Snapshots\":[{\"Time\":1729700000,\"DockerSnapshotRaw\":{"
                + "\"Containers\":null,\"Info\":{\"OperatingSystem\":\"Alpine Linux v3.20\",\"OSType\":\"linux\","
                + "\"Architecture\":\"armv7l\"}}}]}";
        WireLists.Read<Wire.Endpoint> read = WireLists.endpoint(json(body));
        HostInfo host = Translation.storedSnapshot(read.items().get(0), 0).orElseThrow().host();
        assertEquals("Alpine Linux v3.20", host.operatingSystem());
        assertEquals("linux/armv7l", host.platform());
        assertEquals(Instant.ofEpochSecond(1729700000), host.readAt());
    }

    @Test
    void anUnreadableEndpointObjectIsMalformed() {
        assertThrows(JsonException.class, () -> WireLists.endpoint(json("{\"Id\":\"nine\"}")));
        assertThrows(JsonException.class, () -> WireLists.endpoint(json("[]")));
    }

    @Test
    void everyLabelIsKeptForTheLabelSearch() {
        WireLists.Read<Wire.Container> read = WireLists.containers(json("[" + container("c1") + "]"));
        Map<String, String> labels = read.items().get(0).labels();
        assertEquals(Map.of("x", "y", Translation.COMPOSE_PROJECT, "shop", Translation.COMPOSE_SERVICE, "web"), labels);
        assertEquals(java.util.Set.of("bridge", "shop_default"),
                read.items().get(0).networkSettings().networks().keySet());
    }

    @Test
    void tagsAndGroupsAreReadWithTheirOwnIdKeys() {
        WireLists.Read<Wire.Named> tags = WireLists.tags(json("[{\"ID\":4,\"Name\":\"site:berlin\","
                + "\"Endpoints\":{\"17\":true}},{\"Id\":5,\"Name\":\"no ID key\"}]"));
        assertEquals(List.of(new Wire.Named(4, "site:berlin")), tags.items());
        assertEquals(1, tags.skipped(), "a tag without its ID is skipped");
        assertEquals(List.of(new Wire.Named(1, "Unassigned")), WireLists.endpointGroups(json(
                "[{\"Id\":1,\"Name\":\"Unassigned\",\"TagIds\":[]}]")).items());
        WireLists.Read<Wire.Endpoint> endpoints = WireLists.endpoints(json("[{\"Id\":1,\"Name\":\"a\",\"Type\":2,"
                + "\"TagIds\":[2,5]},{\"Id\":2,\"Name\":\"b\",\"Type\":2,\"TagIds\":null}]"));
        assertEquals(List.of(2, 5), endpoints.items().get(0).tagIds());
        assertEquals(null, endpoints.items().get(1).tagIds());
    }
}
