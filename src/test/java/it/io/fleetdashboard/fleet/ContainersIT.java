package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container list's filters and its CSV twin against the simulator's truth. */
class ContainersIT {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void filteringByAnEndpointListsExactlyItsContainers() {
        JsonObject endpoint = SimulatedFleet.liveEndpoint(1, 1000);
        String key = endpoint.getString("key");
        JsonObject page = object("/api/v1/containers?limit=1000&endpoint=" + encoded(key));
        assertEquals(SimulatedFleet.containerNames(key), new TreeSet<>(SimulatedFleet.names(page)));
        assertEquals(endpoint.getInt("containers"), page.getInt("total"));
    }

    @Test
    void withoutStoppedContainersOnlyTheRunningOnesAreListed() {
        JsonObject truth = object("/simulator/control/truth");
        assertEquals(truth.getInt("containersRunning"), object("/api/v1/containers?includeStopped=false&limit=1")
                .getInt("total"));
        assertEquals(truth.getInt("containersTotal"), object("/api/v1/containers?includeStopped=true&limit=1")
                .getInt("total"));
        assertEquals(0, object("/api/v1/containers?includeStopped=false&state=exited&limit=1").getInt("total"));
    }

    @Test
    void theSearchFindsAContainerByIdPrefixByImageAndByLabel() {
        JsonObject first = object("/api/v1/containers?limit=1&stack=&sort=name").getJsonArray("items")
                .getJsonObject(0);
        JsonObject byId = object("/api/v1/containers?search=" + first.getString("id").substring(0, 12));
        assertEquals(List.of(first.getString("name")), SimulatedFleet.names(byId));

        JsonObject composed = object("/api/v1/containers?limit=1&sort=name&search=com.docker.compose.service%3D")
                .getJsonArray("items").getJsonObject(0);
        String label = "com.docker.compose.project=" + composed.getString("stack");
        JsonObject byLabel = object("/api/v1/containers?limit=1000&search=" + encoded(label));
        JsonObject byStack = object("/api/v1/containers?limit=1000&stack=" + encoded(composed.getString("stack")));
        assertEquals(byStack.getInt("total"), byLabel.getInt("total"), "the label and the stack filter agree");
        assertTrue(byLabel.getInt("total") > 0);

        String image = first.getString("image");
        JsonObject byImage = object("/api/v1/containers?limit=1000&search=" + encoded(image));
        byImage.getJsonArray("items").forEach(c -> assertTrue(c.asJsonObject().getString("image").contains(image)
                || c.asJsonObject().getString("name").contains(image), c.toString()));
    }

    @Test
    void theCsvHoldsEveryFilteredRowInTheSameOrder() {
        String filter = "state=running&sort=created&order=desc";
        JsonObject all = object("/api/v1/containers?limit=1000&" + filter);
        HttpResponse<String> csv = Api.get("/api/v1/containers.csv?" + filter);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("containers_"));
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertEquals("environment,endpoint,container,image,state,status,health,exit_code,restart_count,"
                + "restart_count_at,created,ports,stack,id,key",
                lines.get(0));
        assertEquals(all.getInt("total") + 1, lines.size(), "every page, not just the first");
        List<String> keys = lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        assertEquals(all.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("key")).toList(), keys);
    }

    @Test
    void theCsvRefusesBadFiltersLikeTheList() {
        HttpResponse<String> response = Api.get("/api/v1/containers.csv?includeStopped=maybe");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("includeStopped"), response.body());
    }
}
