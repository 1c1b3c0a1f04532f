package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.fleet.SimulatedFleet;
import it.io.fleetdashboard.pages.FleetListPage;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/** The Edge agents &amp; stacks page against the simulator's truth. */
class EdgePageIT extends PageTest {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void signIn() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
    }

    /**
     * The stacks the simulated Portainer knows for an endpoint: its /api/stacks entries (managed, with their id)
     * and the compose projects of its containers that are not such a stack (external).
     */
    private static Map<String, String> stacksTruth(String endpointKey) {
        String server = endpointKey.substring(0, endpointKey.lastIndexOf(':'));
        int id = Integer.parseInt(endpointKey.substring(endpointKey.lastIndexOf(':') + 1));
        Map<String, String> stacks = new TreeMap<>();
        SimulatedFleet.docker(endpointKey, "/containers/json?all=1").asJsonArray().stream()
                .map(JsonValue::asJsonObject).map(c -> c.getJsonObject("Labels"))
                .filter(labels -> labels != null && labels.containsKey("com.docker.compose.project"))
                .forEach(labels -> stacks.put(labels.getString("com.docker.compose.project"),
                        "Compose (not in Portainer)"));
        SimulatedFleet.portainer(server, "/api/stacks").asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getInt("EndpointId") == id)
                .forEach(s -> stacks.put(s.getString("Name"), "Portainer #" + s.getInt("Id")));
        return stacks;
    }

    /** A live endpoint that has both a Portainer stack and some containers. */
    private static JsonObject endpointWithStacks() {
        Set<String> withManaged = new TreeSet<>();
        Api.object("/api/v1/stacks?external=false&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).forEach(s -> withManaged.add(s.getString("endpointKey")));
        return Api.object("/api/v1/endpoints?status=online&dataSource=live&limit=1000").getJsonArray("items")
                .stream().map(JsonValue::asJsonObject)
                .filter(e -> withManaged.contains(e.getString("key")) && e.getInt("containers") > 0).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator has no live endpoint with a Portainer stack"));
    }

    @Test
    void anEndpointFilterShowsExactlyItsStacksToldApart() {
        signIn();
        JsonObject endpoint = endpointWithStacks();
        String key = endpoint.getString("key");
        Map<String, String> truth = stacksTruth(key);

        FleetListPage page = FleetListPage.open(driver, "/edge.xhtml?stackEndpoint=" + encoded(key));
        assertEquals(truth.size(), page.total("stacksTable"));
        Map<String, String> shown = new TreeMap<>();
        var names = page.texts("stacksTable", ".stack-name");
        var managers = page.texts("stacksTable", ".stack-manager");
        for (int i = 0; i < names.size(); i++) {
            shown.put(names.get(i), managers.get(i));
        }
        assertEquals(truth, shown, "each stack of the endpoint once, Portainer's and compose projects told apart");
        String server = key.substring(0, key.lastIndexOf(':'));
        int id = Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
        var created = page.texts("stacksTable", ".stack-created");
        var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
        SimulatedFleet.portainer(server, "/api/stacks").asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(st -> st.getInt("EndpointId") == id).forEach(st -> assertEquals(
                        format.format(java.time.Instant.ofEpochSecond(st.getJsonNumber("CreationDate").longValue())),
                        created.get(names.indexOf(st.getString("Name"))), "created time of " + st.getString("Name")));
        assertEquals(Set.of(key), Set.copyOf(page.attributes("stacksTable", ".stack-endpoint", "data-endpoint")));
        assertTrue(page.href("stacksCsv").contains("endpoint=" + encoded(key)), page.href("stacksCsv"));
    }

    @Test
    void endpointsShowTheirStatusAndContainersAsTheSimulatorHasThem() {
        signIn();
        JsonObject truth = Api.object("/simulator/control/truth");
        FleetListPage page = FleetListPage.open(driver, "/edge.xhtml");
        assertEquals(truth.getInt("endpointsTotal"), page.total("endpointsTable"));
        assertTrue(page.chartDrawn("healthChart") && page.chartDrawn("runningChart") && page.chartDrawn("stacksChart")
                && page.chartDrawn("imagesChart") && page.chartDrawn("ageChart"), "the Chart.js charts are drawn");
        assertTrue(page.echartDrawn("treemap"), "the treemap is drawn");
        assertTrue(page.text("ageSummary").startsWith("Median"), page.text("ageSummary"));
        screenshot("edge");

        page = page.choose("status", "offline");
        assertTrue(driver.getCurrentUrl().contains("status=offline"), "the URL keeps the filter");
        assertEquals(truth.getInt("endpointsOffline"), page.total("endpointsTable"));
        assertEquals(Set.of("offline"), Set.copyOf(page.texts("endpointsTable", ".endpoint-status")));

        JsonObject live = SimulatedFleet.liveEndpoint(1, 1000);
        page = FleetListPage.open(driver, "/edge.xhtml?search=" + encoded(live.getString("name"))
                + "&environment=" + encoded(live.getString("environment")));
        int index = page.attributes("endpointsTable", "[data-endpoint]", "data-endpoint").indexOf(live.getString("key"));
        assertTrue(index >= 0, "the searched endpoint is listed");
        long running = SimulatedFleet.docker(live.getString("key"), "/containers/json?all=1").asJsonArray().stream()
                .filter(c -> c.asJsonObject().getString("State").equals("running")).count();
        int total = SimulatedFleet.containerNames(live.getString("key")).size();
        assertEquals(running + " / " + total, page.texts("endpointsTable", ".endpoint-containers").get(index));

        String server = live.getString("environment");
        JsonObject wire = SimulatedFleet.portainer(server, "/api/endpoints/" + live.getInt("id")).asJsonObject();
        String group = SimulatedFleet.portainer(server, "/api/endpoint_groups").asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(g -> g.getInt("Id") == wire.getInt("GroupId"))
                .map(g -> g.getString("Name")).findFirst().orElseThrow();
        Set<Integer> tagIds = wire.getJsonArray("TagIds").stream().map(t -> ((jakarta.json.JsonNumber) t).intValue())
                .collect(java.util.stream.Collectors.toSet());
        Set<String> tags = SimulatedFleet.portainer(server, "/api/tags").asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(t -> tagIds.contains(t.getInt("ID")))
                .map(t -> t.getString("Name")).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertEquals(group, page.rowTexts("endpointsTable", index, ".endpoint-group").get(0), "the group's name");
        assertEquals(tags, new TreeSet<>(page.rowTexts("endpointsTable", index, ".endpoint-tag")), "its tags' names");

        JsonObject info = SimulatedFleet.docker(live.getString("key"), "/info").asJsonObject();
        assertEquals(info.getString("OSType") + "/" + info.getString("Architecture"),
                page.rowTexts("endpointsTable", index, ".endpoint-platform").get(0), "its platform, from Docker's /info");
        assertEquals(info.getString("OperatingSystem"), page.rowTexts("endpointsTable", index, ".endpoint-os").get(0));
    }

    @Test
    void theHostSearchFindsEndpointsByOperatingSystemAndAsyncEdgeHostsComeFromPortainersSnapshot() {
        signIn();
        FleetListPage page = FleetListPage.open(driver, "/edge.xhtml?search=bookworm");
        long expected = Api.object("/api/v1/endpoints?search=bookworm&limit=1").getJsonNumber("total").longValue();
        assertTrue(expected > 0, "the simulated fleet has Debian 12 hosts");
        assertEquals(expected, page.total("endpointsTable"));
        assertTrue(page.texts("endpointsTable", ".endpoint-os").stream().allMatch(os -> os.contains("bookworm")),
                page.texts("endpointsTable", ".endpoint-os").toString());

        JsonObject edge = Api.object("/api/v1/endpoints?dataSource=portainer_snapshot&limit=1").getJsonArray("items")
                .getJsonObject(0);
        JsonObject stored = SimulatedFleet.portainer(edge.getString("environment"), "/api/endpoints/" + edge.getInt("id"))
                .asJsonObject().getJsonArray("Snapshots").getJsonObject(0).getJsonObject("DockerSnapshotRaw")
                .getJsonObject("Info");
        JsonObject host = edge.getJsonObject("host");
        assertEquals(stored.getString("OperatingSystem"), host.getString("operatingSystem"));
        assertEquals(stored.getString("Architecture"), host.getString("architecture"));
        assertEquals(Instant.parse(edge.getString("dataAt")), Instant.parse(host.getString("readAt")),
                "as old as the Portainer snapshot its containers came from");
    }

    @Test
    void theCsvLinksHoldTheFilteredRows() {
        signIn();
        FleetListPage page = FleetListPage.open(driver, "/edge.xhtml?status=offline&stackManager=compose");
        String endpoints = Api.get(page.href("endpointsCsv").substring(BASE.length())).body();
        assertEquals(page.total("endpointsTable") + 1, endpoints.split("\r\n").length, endpoints);
        String stacks = Api.get(page.href("stacksCsv").substring(BASE.length())).body();
        assertEquals(page.total("stacksTable") + 1, stacks.split("\r\n").length);
        assertTrue(stacks.lines().skip(1).allMatch(line -> line.contains(",compose,")), stacks);
    }

    @Test
    void slashFocusesTheSearchAndTheSearchKeepsItsText() {
        signIn();
        FleetListPage.open(driver, "/edge.xhtml?search=" + encoded("<script>x</script>"));
        driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("/");
        assertEquals("search", driver.switchTo().activeElement().getAttribute("id"));
        assertEquals("<script>x</script>", driver.switchTo().activeElement().getAttribute("value"),
                "the filter is shown as text, escaped");
    }

    @Test
    void worksOnAPhoneWithoutScrollingThePage() {
        signIn();
        driver.manage().window().setSize(new Dimension(390, 844));
        FleetListPage.open(driver, "/edge.xhtml");
        assertTrue(fitsTheWidth(driver), "the page does not scroll sideways");
    }
}
