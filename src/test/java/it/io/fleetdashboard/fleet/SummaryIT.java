package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static it.io.fleetdashboard.Api.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In demo mode the dashboard must show exactly what the simulator says is true. */
class SummaryIT {

    private static final List<String> COUNTS = List.of("environments", "endpointsTotal", "endpointsOnline",
            "endpointsOffline", "containersTotal", "containersRunning", "containersStopped", "containersHealthy",
            "containersUnhealthy", "containersRestarting", "stacks", "images", "imagesDistinct", "imagesDangling",
            "stacksPortainer", "composeProjectsUnmanaged", "containersFromPortainerSnapshot");

    @BeforeAll
    static void freshWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        refresh();
    }

    @Test
    void summaryNumbersEqualTheSimulatorsTruth() {
        JsonObject truth = object("/simulator/control/truth");
        JsonObject summary = object("/api/v1/dashboard/summary");
        for (String count : COUNTS) {
            assertEquals(truth.getInt(count), summary.getInt(count), count);
        }
        assertTrue(summary.getBoolean("demo"), "demo mode must say the data is simulated");
        assertEquals("simulated", Api.get("/api/v1/containers?limit=1").headers().firstValue("X-Fleet-Data")
                .orElse("missing"), "every API answer says so");
        assertTrue(summary.getInt("containersTotal") > 0);
        assertTrue(summary.getInt("endpointsOffline") > 0, "the simulator has offline edge endpoints");
        assertTrue(summary.getInt("imagesDistinct") < summary.getInt("images"),
                "endpoints share images: distinct ids are fewer than copies");
        assertEquals(summary.getInt("stacks"), summary.getInt("stacksPortainer")
                + summary.getInt("composeProjectsUnmanaged"));
        assertEquals(summary.getInt("containersTotal"), summary.getInt("containersLive")
                + summary.getInt("containersFromPortainerSnapshot"));
        assertTrue(summary.getInt("containersFromPortainerSnapshot") > 0, "the simulator has async edge agents");
    }

    @Test
    void theAttentionListCoversTheWholeFleetWithACountPerKind() {
        JsonObject truth = object("/simulator/control/truth");
        JsonObject attention = object("/api/v1/dashboard/attention");
        JsonObject counts = attention.getJsonObject("counts");
        assertEquals(truth.getInt("endpointsOffline"), counts.getInt("endpoint_offline"));
        assertEquals(truth.getInt("containersUnhealthy"), counts.getInt("unhealthy"));
        assertEquals(truth.getInt("containersRestarting"), counts.getInt("crash_loop"));
        assertTrue(counts.getInt("endpoint_offline") > 5, "more than fit in the list: " + counts);
        long offlineShown = attention.getJsonArray("items").stream()
                .filter(i -> i.asJsonObject().getString("kind").equals("endpoint_offline")).count();
        assertEquals(5, offlineShown, "a few per kind, so one kind never hides the others");
        assertEquals("endpoint_offline", attention.getJsonArray("items").getJsonObject(0).getString("kind"),
                "worst first");
    }

    @Test
    void listsAreFilteredSortedAndPagedWithATotal() {
        JsonObject summary = object("/api/v1/dashboard/summary");
        JsonObject page = object("/api/v1/containers?state=running&limit=7&offset=3&sort=name");
        assertEquals(summary.getInt("containersRunning"), page.getInt("total"));
        assertEquals(7, page.getJsonArray("items").size());
        page.getJsonArray("items").forEach(item -> assertEquals("running", item.asJsonObject().getString("state")));

        JsonObject offline = object("/api/v1/endpoints?status=offline&limit=1000");
        assertEquals(summary.getInt("endpointsOffline"), offline.getInt("total"));
        String key = offline.getJsonArray("items").getJsonObject(0).getString("key");
        assertTrue(key.matches("sim-\\d+:\\d+"), "endpoint ids are namespaced by environment: " + key);
    }

    @Test
    void badQueryParametersGetAClearJsonError() {
        HttpResponse<String> response = Api.get("/api/v1/containers?limit=0");
        assertEquals(400, response.statusCode());
        JsonObject error = Api.json(response.body()).asJsonObject();
        assertEquals("bad_request", error.getString("error"));
        assertTrue(error.getString("message").contains("limit"), error.toString());
        assertEquals(400, Api.get("/api/v1/containers?state=sleeping").statusCode());
        assertEquals(400, Api.get("/api/v1/endpoints?sort=color").statusCode());
    }

    @Test
    void listsAreGzippedWhenTheClientAsksForIt() {
        HttpResponse<String> response = Api.get("/api/v1/containers?limit=1000", "Accept-Encoding", "gzip");
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse("none"));
    }

    @Test
    void overviewBatchesTheSummaryAndTheFirstPages() {
        JsonObject overview = object("/api/v1/dashboard/overview?limit=5");
        assertEquals(object("/api/v1/dashboard/summary").getInt("containersTotal"),
                overview.getJsonObject("containers").getInt("total"));
        assertEquals(5, overview.getJsonObject("endpoints").getJsonArray("items").size());
        assertTrue(overview.getJsonArray("environments").size() >= 1);
    }
}
