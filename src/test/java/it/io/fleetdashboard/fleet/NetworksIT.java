package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Networks page's JSON twin: connections, their CSV and the topology graph against the simulator's truth. */
class NetworksIT {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** "container|network|address" of every attachment the simulated Docker lists for the endpoint. */
    private static Set<String> truth(String endpointKey) {
        Set<String> attachments = new TreeSet<>();
        for (JsonValue value : SimulatedFleet.containerList(endpointKey)) {
            JsonObject c = value.asJsonObject();
            String name = c.getJsonArray("Names").getString(0).substring(1);
            c.getJsonObject("NetworkSettings").getJsonObject("Networks").forEach((network, settings) ->
                    attachments.add(name + "|" + network + "|" + settings.asJsonObject().getString("IPAddress", "")));
        }
        return attachments;
    }

    @Test
    void anEndpointsConnectionsAreExactlyWhatItsDockerSays() {
        String key = SimulatedFleet.liveEndpoint(2, 1000).getString("key");
        JsonObject page = object("/api/v1/networks/connections?limit=1000&endpoint=" + encoded(key));
        Set<String> listed = page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(r -> r.getString("containerName") + "|" + r.getString("network") + "|" + r.getString("address"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> truth = truth(key);
        assertFalse(truth.isEmpty());
        assertEquals(truth, listed);
        assertEquals(truth.size(), page.getInt("total"));
        assertTrue(page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> !r.getString("address").isEmpty()), "running containers have addresses");
    }

    @Test
    void theTopologyOfAnEndpointHasItsContainersAndNetworksAndTheFleetIsOverALowLimit() {
        String key = SimulatedFleet.liveEndpoint(2, 1000).getString("key");
        Set<String> truth = truth(key);
        long containers = truth.stream().map(a -> a.substring(0, a.indexOf('|'))).distinct().count();
        long networks = truth.stream().map(a -> a.split("\\|", -1)[1]).distinct().count();
        JsonObject answer = object("/api/v1/networks/topology?endpoint=" + encoded(key));
        JsonObject graph = answer.getJsonObject("topology");
        assertFalse(graph.getBoolean("overLimit"));
        assertEquals(containers, graph.getInt("containers"));
        assertEquals(networks, graph.getInt("networks"));
        assertEquals(containers + networks, graph.getJsonArray("nodes").size());
        assertEquals(truth.size(), graph.getJsonArray("edges").size());
        assertTrue(answer.containsKey("takenAt") && answer.containsKey("stale"), "says how fresh it is");

        JsonObject fleet = object("/api/v1/networks/topology?nodes=5").getJsonObject("topology");
        assertTrue(fleet.getBoolean("overLimit"));
        assertEquals(0, fleet.getJsonArray("nodes").size());
        assertTrue(fleet.getInt("containers") > 5);
    }

    @Test
    void theCsvHasEveryFilteredConnection() {
        JsonObject page = object("/api/v1/networks/connections?limit=1&network=bridge&includeStopped=false");
        HttpResponse<String> csv = Api.get("/api/v1/networks/connections.csv?network=bridge&includeStopped=false");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("network-connections_"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("Environment,Endpoint,Network,Driver,Container,State,Stack,IP address,Container key", lines[0]);
        assertEquals(page.getInt("total"), lines.length - 1);
    }
}
