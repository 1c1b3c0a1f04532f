package it.io.fleetdashboard.hostile;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.fleetdashboard.simulator.control.Hostile;
import java.util.List;

/**
 * The simulator's hostile world (setting "hostile"): containers on sim-1's first endpoint whose names, labels, env,
 * stacks, networks, image tags and log lines carry markup, quotes, control characters, RTL overrides, a
 * 10,000-character name and formulas. Every payload that would run sets window.__pwned or adds an element with id
 * "pwned". Tests turn it on for their class and off again in their @AfterAll, whatever happened.
 */
final class HostileWorld {

    /** The simulator's hostile payloads: the world these tests turn on, so the same lists, not a copy. */
    static final String LONG_NAME = Hostile.LONG_NAME;
    static final List<String> NAMES = Hostile.NAMES;
    static final List<String> STACKS = Hostile.PROJECTS;
    static final String MARKER = Hostile.MARKER;

    private HostileWorld() {
    }

    static void on() {
        Api.simulator("config", "{\"hostile\":true}");
        Api.refresh();
        if (hostileContainers().size() != NAMES.size()) {
            throw new AssertionError("the hostile containers did not arrive: " + hostileContainers().size());
        }
    }

    /** Back to the default world, hostile off: called from @AfterAll, so also after a failure. */
    static void off() {
        Api.simulator("config", "{\"hostile\":false}");
        Api.healthyFleet();
    }

    /** The hostile containers as /api/v1/containers lists them (found by their marker label). */
    static List<JsonObject> hostileContainers() {
        return Api.object("/api/v1/containers?includeStopped=true&limit=1000&search="
                + URLEncoder.encode(MARKER + "=1", StandardCharsets.UTF_8)).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    /** The key of the hostile container with that name. */
    static String key(String name) {
        return hostileContainers().stream().filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no hostile container " + name.substring(0,
                        Math.min(40, name.length())))).getString("key");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
