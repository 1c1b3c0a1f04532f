package it.io.fleetdashboard.containers;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/** Picks containers of the simulated fleet for the details and actions tests, by what their inspect says. */
final class Containers {

    static final String OPERATOR = "operator";
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    static final String VIEWER = "viewer";
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    private Containers() {
    }

    static String enc(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** Container rows of the snapshot (the list API), state as the list says. */
    static List<JsonObject> rows(String state) {
        return Api.object("/api/v1/containers?limit=1000&state=" + state).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    /** The first container in that state whose simulated inspect matches; an assertion error when none does. */
    static String find(String state, Predicate<JsonObject> inspect) {
        for (JsonObject row : rows(state)) {
            String key = row.getString("key");
            if (!key.startsWith("sim-")) {
                continue;
            }
            try {
                if (inspect.test(Api.simulatedDocker(key, "/json"))) {
                    return key;
                }
            } catch (AssertionError unreachable) {
                // an endpoint the simulated Portainer cannot proxy to (offline agent): not a candidate
            }
        }
        throw new AssertionError("no " + state + " container matches in the simulated fleet");
    }

    /** The value of an environment variable in an inspect's Config.Env. */
    static String env(JsonObject inspect, String name) {
        return inspect.getJsonObject("Config").getJsonArray("Env").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).filter(e -> e.startsWith(name + "="))
                .map(e -> e.substring(name.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + inspect.getString("Name")));
    }

    static boolean hasEnv(JsonObject inspect, String name) {
        return inspect.getJsonObject("Config").getJsonArray("Env").getValuesAs(jakarta.json.JsonString.class)
                .stream().anyMatch(e -> e.getString().startsWith(name + "="));
    }
}
