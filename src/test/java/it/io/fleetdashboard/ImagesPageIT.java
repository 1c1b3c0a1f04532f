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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Images page against the simulator's truth. */
class ImagesPageIT extends PageTest {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anImagesContainerCountIsTheSimulatorsOnAnEndpoint() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        String key = SimulatedFleet.liveEndpoint(2, 1000).getString("key");
        Map<String, Long> truth = SimulatedFleet.docker(key, "/containers/json?all=1").asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.groupingBy(c -> c.getString("ImageID"), Collectors.counting()));
        Set<String> stored = SimulatedFleet.docker(key, "/images/json").asJsonArray().stream()
                .map(i -> i.asJsonObject().getString("Id")).collect(Collectors.toSet());

        FleetListPage page = FleetListPage.open(driver, "/images.xhtml?endpoint=" + encoded(key));
        assertEquals(stored.size(), page.total("imagesTable"), "one row per image the endpoint stores");
        var ids = page.attributes("imagesTable", "[data-image]", "data-image");
        var counts = page.texts("imagesTable", ".image-containers");
        for (int i = 0; i < ids.size(); i++) {
            long expected = truth.getOrDefault(ids.get(i), 0L);
            assertTrue(counts.get(i).endsWith("/ " + expected), ids.get(i) + ": " + counts.get(i) + ", truth "
                    + expected);
        }
        assertTrue(page.chartDrawn("containersChart") && page.chartDrawn("spreadChart"), "bar charts drawn");
        assertTrue(page.echartDrawn("sizeTreemap"), "the size treemap is drawn");
        assertTrue(page.href("imagesCsv").contains("endpoint=" + encoded(key)));
    }

    @Test
    void danglingImagesAreFlaggedFromTheirRepoTags() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        JsonObject truth = Api.object("/simulator/control/truth");
        FleetListPage page = FleetListPage.open(driver, "/images.xhtml");
        assertEquals(truth.getInt("imagesDistinct"), page.total("imagesTable"));
        screenshot("images");

        page = page.choose("dangling", "true");
        assertTrue(driver.getCurrentUrl().contains("dangling=true"), "the URL keeps the filter");
        assertEquals(truth.getInt("imagesDangling"), page.total("imagesTable"));
        assertEquals(page.rows("imagesTable").size(), page.texts("imagesTable", ".image-dangling").size(),
                "every row flagged dangling");
        String csv = Api.get(page.href("imagesCsv").substring(BASE.length())).body();
        assertEquals(truth.getInt("imagesDangling") + 1, csv.split("\r\n").length, csv);
    }

    @Test
    void unusedImagesPerEndpointAreTheOnesNoContainerUses() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        String key = SimulatedFleet.liveEndpoint(1, 1000).getString("key");
        Set<String> used = SimulatedFleet.docker(key, "/containers/json?all=1").asJsonArray().stream()
                .map(c -> c.asJsonObject().getString("ImageID")).collect(Collectors.toSet());
        long unused = SimulatedFleet.docker(key, "/images/json").asJsonArray().stream()
                .map(i -> i.asJsonObject().getString("Id")).filter(id -> !used.contains(id)).count();
        FleetListPage page = FleetListPage.open(driver, "/images.xhtml?endpoint=" + encoded(key));
        assertEquals(java.util.List.of(Long.toString(unused)), page.texts("unusedTable", ".unused-count"));
    }
}
