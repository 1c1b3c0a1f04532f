package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A role scoped to one environment by single sign-on (server.env maps the group edge-operators:sim-1 to operator,
 * and the simulated provider's user sso-edge is in it): operator in sim-1, viewer everywhere else.
 */
class EnvironmentRolesIT {

    static SsoFlow edge;
    static String inScope;
    static String outOfScope;

    @BeforeAll
    static void signIn() {
        Api.healthyFleet();
        edge = SsoFlow.signedIn("sso-edge");
        inScope = runningOn("sim-1:");
        outOfScope = runningOn("sim-2:");
    }

    /** A running container of that environment whose endpoint Docker answers for (its logs can be read). */
    static String runningOn(String prefix) {
        for (JsonValue row : Api.object("/api/v1/containers?limit=1000&state=running").getJsonArray("items")) {
            String key = row.asJsonObject().getString("key");
            if (!key.startsWith(prefix)) {
                continue;
            }
            try {
                Api.simulatedDocker(key, "/json");
                return key;
            } catch (AssertionError unreachable) {
                // an offline or async edge endpoint: not a candidate
            }
        }
        throw new AssertionError("no reachable running container in " + prefix);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theEnvironmentRoleIsShownBesideTheGlobalOne() {
        JsonObject me = edge.me();
        assertEquals("viewer", me.getString("role"), me.toString());
        assertEquals("operator", me.getJsonObject("environmentRoles").getString("sim-1"), me.toString());
        assertEquals(403, edge.postFromPage("/api/v1/refresh?wait=0").statusCode(),
                "a fleet-wide change needs the role everywhere");
    }

    @Test
    void actsOnContainersOfItsEnvironmentOnly() {
        HttpResponse<String> mine = edge.postFromPage("/api/v1/containers/" + enc(inScope) + "/start");
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains("NOTHING_TO_DO"), "starting a running container changes nothing: "
                + mine.body());

        HttpResponse<String> other = edge.postFromPage("/api/v1/containers/" + enc(outOfScope) + "/stop");
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("operator role in the environment sim-2"), other.body());
        assertEquals("running", Api.simulatedDocker(outOfScope, "/json").getJsonObject("State").getString("Status"),
                "the refused stop did not reach Docker");
    }

    @Test
    void aSelectionAcrossEnvironmentsIsRefusedWhole() {
        HttpResponse<String> both = edge.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/containers/actions/stop"))
                .header("Origin", Api.BASE).header("X-Requested-With", "fleet-dashboard")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"keys\":[\"" + inScope + "\",\"" + outOfScope + "\"]}")));
        assertEquals(403, both.statusCode(), both.body());
        assertEquals("running", Api.simulatedDocker(inScope, "/json").getJsonObject("State").getString("Status"),
                "nothing of a refused selection was acted on");
    }

    @Test
    void readsTheLogsOfItsEnvironmentOnly() {
        HttpResponse<String> mine = edge.get(Api.BASE + "/api/v1/containers/" + enc(inScope) + "/logs?tail=5");
        assertEquals(200, mine.statusCode(), mine.body());
        HttpResponse<String> other = edge.get(Api.BASE + "/api/v1/containers/" + enc(outOfScope) + "/logs?tail=5");
        assertEquals(403, other.statusCode(), other.body());
        HttpResponse<String> merged = edge.get(Api.BASE + "/api/v1/logs?tail=5&containers=" + enc(inScope + ","
                + outOfScope));
        assertEquals(403, merged.statusCode(), merged.body());
        assertEquals(403, edge.get(Api.BASE + "/api/v1/logs/search?q=error").statusCode(),
                "log search covers every environment: it needs the role everywhere");
    }
}
