package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON and CSV twins of the Edge and Images pages against the simulator's truth. */
class FleetListsIT {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void distinctImagesCountTheContainersUsingThem() {
        String key = SimulatedFleet.liveEndpoint(2, 1000).getString("key");
        Map<String, Long> truth = SimulatedFleet.docker(key, "/containers/json?all=1").asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.groupingBy(c -> c.getString("ImageID"), Collectors.counting()));
        JsonObject page = object("/api/v1/images/distinct?limit=1000&endpoint=" + encoded(key));
        assertEquals(SimulatedFleet.docker(key, "/images/json").asJsonArray().size(), page.getInt("total"));
        page.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(image -> {
            assertEquals(truth.getOrDefault(image.getString("id"), 0L).intValue(), image.getInt("containers"),
                    image.getString("name"));
            assertEquals(1, image.getInt("endpoints"));
        });
        int previous = Integer.MAX_VALUE;
        for (JsonValue item : page.getJsonArray("items")) {
            int containers = item.asJsonObject().getInt("containers");
            assertTrue(containers <= previous, "most containers first by default");
            previous = containers;
        }
    }

    @Test
    void theFleetWideFiguresAreTheTruths() {
        JsonObject truth = object("/simulator/control/truth");
        assertEquals(truth.getInt("imagesDistinct"), object("/api/v1/images/distinct?limit=1").getInt("total"));
        assertEquals(truth.getInt("imagesDangling"),
                object("/api/v1/images/distinct?limit=1&dangling=true").getInt("total"));
        assertEquals(truth.getInt("stacksPortainer"), object("/api/v1/stacks?limit=1&external=false").getInt("total"));
        assertEquals(truth.getInt("composeProjectsUnmanaged"),
                object("/api/v1/stacks?limit=1&external=true").getInt("total"));
        assertEquals(truth.getInt("endpointsOffline"), object("/api/v1/endpoints?status=offline&limit=1")
                .getInt("total"));
        int copies = Api.json(Api.get("/api/v1/images/unused").body()).asJsonArray().stream()
                .mapToInt(u -> u.asJsonObject().getInt("images")).sum();
        assertEquals(truth.getInt("images"), copies, "every image copy counted on its endpoint");
    }

    @Test
    void theCsvTwinsHoldEveryFilteredRow() {
        HttpResponse<String> csv = Api.get("/api/v1/stacks.csv?external=true");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("stacks_"));
        assertEquals(object("/api/v1/stacks?limit=1&external=true").getInt("total") + 1,
                csv.body().split("\r\n").length);
        String endpoints = Api.get("/api/v1/endpoints.csv?kind=edge").body();
        assertEquals(object("/api/v1/endpoints?limit=1&kind=edge").getInt("total") + 1,
                endpoints.split("\r\n").length);
        assertTrue(endpoints.startsWith("environment,endpoint,status,type,last_check_in"), endpoints);
    }

    @Test
    void eachLiveEndpointsHostIsWhatItsDockerInfoSaysInTheApiAndTheCsv() {
        java.util.List<JsonObject> live = object("/api/v1/endpoints?status=online&dataSource=live&limit=1000")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).limit(12).toList();
        assertTrue(live.size() >= 2, "the simulated fleet has live endpoints");
        String csv = Api.get("/api/v1/endpoints.csv?status=online&dataSource=live").body();
        java.util.Set<String> platforms = new java.util.TreeSet<>();
        for (JsonObject endpoint : live) {
            String key = endpoint.getString("key");
            JsonObject info = SimulatedFleet.docker(key, "/info").asJsonObject();
            JsonObject host = endpoint.getJsonObject("host");
            assertEquals(info.getString("OperatingSystem"), host.getString("operatingSystem"), key);
            assertEquals(info.getString("OSType"), host.getString("osType"), key);
            assertEquals(info.getString("Architecture"), host.getString("architecture"), key);
            assertEquals(info.getString("ServerVersion"), host.getString("dockerVersion"), key);
            assertEquals(info.getInt("NCPU"), host.getInt("cpus"), key);
            assertEquals(info.getJsonNumber("MemTotal").longValue(), host.getJsonNumber("memoryBytes").longValue(),
                    key);
            String platform = info.getString("OSType") + "/" + info.getString("Architecture");
            platforms.add(platform);
            String row = java.util.Arrays.stream(csv.split("\r\n")).filter(r -> r.endsWith("," + key)).findFirst()
                    .orElseThrow(() -> new AssertionError("no CSV row for " + key));
            assertTrue(row.contains("," + platform + ",") && row.contains(info.getString("OperatingSystem")), row);
        }
        java.util.Set<String> fleet = object("/api/v1/endpoints?limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.containsKey("host") && !e.isNull("host"))
                .map(e -> e.getJsonObject("host").getString("architecture")).collect(Collectors.toSet());
        assertTrue(fleet.size() >= 2, "the simulated hosts are not all alike: " + fleet);
    }

    @Test
    void badFiltersAnswer400WithAMessage() {
        for (String path : new String[] {"/api/v1/images/distinct?dangling=maybe", "/api/v1/images/distinct?sort=color",
                "/api/v1/stacks?status=sleeping", "/api/v1/endpoints.csv?kind=robot",
                "/api/v1/endpoints?dataSource=rumour"}) {
            HttpResponse<String> response = Api.get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(response.body().contains("message"), response.body());
        }
    }
}
