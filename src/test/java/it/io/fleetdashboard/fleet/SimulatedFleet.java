package it.io.fleetdashboard.fleet;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The simulator's own answer for one endpoint, read from the simulated Portainer server like a real one. */
public final class SimulatedFleet {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SimulatedFleet() {
    }

    /** An online endpoint read live (not an async edge agent) with between min and max containers. */
    public static JsonObject liveEndpoint(int min, int max) {
        return Api.object("/api/v1/endpoints?status=online&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("dataSource").equals("live") && !e.getBoolean("asyncEdge"))
                .filter(e -> e.getInt("containers") >= min && e.getInt("containers") <= max)
                .findFirst().orElseThrow(() -> new AssertionError("no live endpoint with " + min + "-" + max
                        + " containers"));
    }

    /** The container names the simulated Portainer lists for an endpoint key ("sim-1:3"), without the "/". */
    public static Set<String> containerNames(String endpointKey) {
        return containerList(endpointKey).stream()
                .map(c -> c.asJsonObject().getJsonArray("Names").getString(0).substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** containers/json?all=1 of an endpoint key ("sim-1:3"), as the simulated Portainer answers it. */
    public static jakarta.json.JsonArray containerList(String endpointKey) {
        return docker(endpointKey, "/containers/json?all=1").asJsonArray();
    }

    /** What the simulated Portainer answers for a Docker path of an endpoint key ("sim-1:3", "/images/json"). */
    public static JsonStructure docker(String endpointKey, String path) {
        String server = endpointKey.substring(0, endpointKey.lastIndexOf(':'));
        String id = endpointKey.substring(endpointKey.lastIndexOf(':') + 1);
        return portainer(server, "/api/endpoints/" + id + "/docker" + path);
    }

    /** What a simulated Portainer server ("sim-1") answers for an API path ("/api/stacks"), asked directly. */
    public static JsonStructure portainer(String server, String path) {
        JsonObject sim = Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(server)).findFirst()
                .orElseThrow(() -> new AssertionError("no simulated server " + server));
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sim.getString("baseUrl")
                            + path)).header("X-API-Key", sim.getString("apiKey")).timeout(Duration.ofSeconds(30))
                            .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("simulated Portainer " + server + path + " answered " + answer.statusCode());
            }
            return Api.json(answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("simulated Portainer " + server + " did not answer: " + e, e);
        }
    }

    public static List<String> names(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("name")).toList();
    }
}
