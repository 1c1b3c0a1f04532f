package it.io.fleetdashboard.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitor against the simulator: a crash-looping container is one open insight however many rounds see it, and
 * resolved once it runs again; the posture scan flags privileged containers and added capabilities written with
 * CAP_, as the simulated Docker's own inspect has them.
 */
class InsightsIT {

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
        Insights.round();
    }

    @Test
    void aCrashLoopIsOneOpenInsightWhileItLastsAndResolvedWhenTheContainerRunsAgain() {
        JsonObject truth = Api.object("/simulator/control/truth");
        List<String> looping = truth.getJsonObject("containersRestartingRestartCounts").keySet().stream().sorted()
                .toList();
        assertFalse(looping.isEmpty(), "the simulator has crash-looping containers: " + truth);
        Insights.round();
        // a container that is still crash-looping after a second round (the simulator's churn lets some recover)
        String key = looping.stream().filter(k -> Insights.of("crash_loop:" + k, "open").size() == 1).findFirst()
                .orElseThrow(() -> new AssertionError("no crash loop of " + looping + " has an open insight: "
                        + Insights.list("kind=crash_loop")));
        JsonObject open = Insights.of("crash_loop:" + key, "open").get(0);
        assertEquals("critical", open.getString("severity"));
        assertEquals("availability", open.getString("category"));
        assertEquals(List.of(key), open.getJsonArray("resources").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(open.getInt("rounds") >= 2, "the same insight, seen again: " + open);
        assertTrue(open.getBoolean("simulated"), open.toString());

        HttpResponse<String> restart = Api.postAs(Insights.OPERATOR, Insights.OPERATOR_KEY,
                "/api/v1/containers/" + Insights.enc(key) + "/restart", null);
        assertEquals(200, restart.statusCode(), restart.body());
        Insights.round();

        assertEquals(List.of(), Insights.of("crash_loop:" + key, "open"), "no open insight once it runs");
        // history may hold earlier occurrences (a reset simulator crash-loops the container again): this one
        List<JsonObject> resolved = Insights.of("crash_loop:" + key, "resolved").stream()
                .filter(i -> i.getInt("id") == open.getInt("id")).toList();
        assertEquals(1, resolved.size(), "the same insight, resolved: " + Insights.of("crash_loop:" + key, "all"));
        assertFalse(resolved.get(0).isNull("resolvedAt"));
        JsonObject history = Api.object("/api/v1/insights/" + open.getInt("id"));
        List<String> changes = history.getJsonArray("history").stream()
                .map(e -> e.asJsonObject().getString("change")).toList();
        assertEquals("opened", changes.get(0), changes.toString());
        assertEquals("resolved", changes.get(changes.size() - 1), changes.toString());
    }

    @Test
    void privilegedContainersAndCapabilitiesWrittenWithCapPrefixAreFlaggedAsTheirInspectSays() {
        JsonObject report = Insights.roundsUntilPostureComplete();
        JsonObject posture = Api.object("/api/v1/security/posture?limit=5000");
        assertEquals(report.getInt("postureRunning"), posture.getInt("running"));
        List<JsonObject> containers = posture.getJsonArray("containers").stream().map(JsonValue::asJsonObject)
                .toList();
        int checkedPrivileged = 0, checkedCapPrefix = 0;
        for (JsonObject c : containers) {
            String key = c.getString("key");
            JsonObject host = Api.simulatedDocker(key, "/json").getJsonObject("HostConfig");
            List<String> checks = c.getJsonArray("findings").stream()
                    .map(f -> f.asJsonObject().getString("check")).toList();
            boolean privileged = host.getBoolean("Privileged");
            assertEquals(privileged, checks.contains("privileged"), key + ": " + checks);
            if (privileged) {
                assertEquals("CRITICAL", c.getJsonArray("findings").getJsonObject(0).getString("severity"));
                List<JsonObject> insight = Insights.of("posture_critical:" + key, "open");
                assertEquals(1, insight.size(), "one open security insight for " + key);
                assertEquals("security", insight.get(0).getString("category"));
                checkedPrivileged++;
            }
            List<String> capAdd = host.isNull("CapAdd") ? List.of() : host.getJsonArray("CapAdd")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            if (capAdd.contains("CAP_SYS_PTRACE")) {
                JsonObject capabilities = c.getJsonArray("findings").stream().map(JsonValue::asJsonObject)
                        .filter(f -> f.getString("check").equals("capabilities")).findFirst()
                        .orElseThrow(() -> new AssertionError(key + " has CapAdd " + capAdd + ": " + checks));
                assertEquals("WARNING", capabilities.getString("severity"), capabilities.toString());
                assertTrue(capabilities.getString("detail").contains("SYS_PTRACE"), capabilities.toString());
                checkedCapPrefix++;
            }
        }
        assertTrue(checkedPrivileged > 0, "the simulated fleet has privileged running containers");
        assertTrue(checkedCapPrefix > 0, "the simulated fleet has CAP_SYS_PTRACE containers");
        assertFalse(posture.getJsonArray("endpoints").isEmpty(), "scored per endpoint");
        assertFalse(posture.getJsonArray("stacks").isEmpty(), "scored per stack");
        List<JsonObject> onlyPrivileged = Api.object("/api/v1/security/posture?check=privileged")
                .getJsonArray("containers").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(checkedPrivileged, onlyPrivileged.size());
    }

    @Test
    void theSeededPrivilegedContainerWithCapSysAdminIsFlaggedWithBothFindingsAndHasAnInsight() {
        Insights.roundsUntilPostureComplete();
        JsonObject tools = Api.object("/api/v1/security/posture?limit=5000").getJsonArray("containers").stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals("privileged-sysadmin-tools"))
                .findFirst().orElseThrow(() -> new AssertionError("the seeded privileged container has a posture"));
        String key = tools.getString("key");
        JsonObject host = Api.simulatedDocker(key, "/json").getJsonObject("HostConfig");
        assertTrue(host.getBoolean("Privileged"), host.toString());
        assertEquals(List.of("CAP_SYS_ADMIN"), host.getJsonArray("CapAdd").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        List<JsonObject> findings = tools.getJsonArray("findings").stream().map(JsonValue::asJsonObject).toList();
        JsonObject privileged = findings.stream().filter(f -> f.getString("check").equals("privileged")).findFirst()
                .orElseThrow(() -> new AssertionError("privileged finding: " + findings));
        assertEquals("CRITICAL", privileged.getString("severity"));
        JsonObject capabilities = findings.stream().filter(f -> f.getString("check").equals("capabilities"))
                .findFirst().orElseThrow(() -> new AssertionError("capabilities finding: " + findings));
        assertEquals("WARNING", capabilities.getString("severity"), capabilities.toString());
        assertTrue(capabilities.getString("detail").contains("SYS_ADMIN"), capabilities.toString());
        assertFalse(capabilities.getString("detail").contains("CAP_CAP"), capabilities.toString());
        List<JsonObject> insight = Insights.of("posture_critical:" + key, "open");
        assertEquals(1, insight.size(), "one open security insight for " + key);
        assertEquals("security", insight.get(0).getString("category"));
        assertEquals("critical", insight.get(0).getString("severity"));
    }

    /** Managed stacks of one environment, as the stacks API shows them. */
    static List<JsonObject> managedStacks(String environment) {
        return Api.object("/api/v1/stacks?limit=1000&external=false&environment=" + environment).getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).toList();
    }

    /** A stack row's imageStatus, null when not asked yet (JSON-B leaves null fields out). */
    static String imageStatus(JsonObject stack) {
        return stack.containsKey("imageStatus") && !stack.isNull("imageStatus") ? stack.getString("imageStatus") : null;
    }

    @Test
    void outdatedImagesAreAnInsightWhereTheServerTellsAndUnknownWhereItCannot() {
        // the simulator's first server answers image status as a Business Edition (every fourth stack id outdated);
        // the second has no such route, as a Community Edition
        Api.await("every managed stack of sim-1 asked about its images", Duration.ofSeconds(240), () -> {
            Insights.round();
            return managedStacks("sim-1").stream().allMatch(s -> imageStatus(s) != null);
        });
        List<JsonObject> asked = managedStacks("sim-1");
        assertFalse(asked.isEmpty());
        int outdated = 0;
        for (JsonObject stack : asked) {
            boolean expected = stack.getInt("portainerId") % 4 == 0;
            assertEquals(expected ? "outdated" : "updated", stack.getString("imageStatus"), stack.toString());
            List<JsonObject> insight = Insights.of("outdated_images:" + stack.getString("key"), "open");
            assertEquals(expected ? 1 : 0, insight.size(), stack + " -> " + insight);
            if (expected) {
                outdated++;
                assertEquals("image", insight.get(0).getString("category"));
                assertEquals("info", insight.get(0).getString("severity"));
            }
        }
        assertTrue(outdated > 0, "the simulated fleet has outdated stacks: " + asked);
        for (JsonObject stack : managedStacks("sim-2")) {
            assertEquals("unsupported", stack.getString("imageStatus"), stack.toString());
            assertTrue(Insights.of("outdated_images:" + stack.getString("key"), "open").isEmpty(), stack.toString());
        }
        for (JsonObject stack : Api.object("/api/v1/stacks?limit=1000&external=true").getJsonArray("items")
                .getValuesAs(JsonObject.class)) {
            assertEquals(null, imageStatus(stack), "a compose project Portainer does not manage has no status: "
                    + stack);
        }
    }

    @Test
    void theModelReadsTheRoundAndOnlyItsFindingsAboutTheRoundsResourcesAreKept() {
        Insights.round();
        JsonObject analysis = Api.object("/api/v1/insights/status").getJsonObject("modelAnalysis");
        assertTrue(analysis != null, "the LLM stand-in read the round");
        assertTrue(analysis.getBoolean("simulated"), analysis.toString());
        assertFalse(analysis.containsKey("error"), analysis.toString());
        assertTrue(analysis.getInt("dropped") >= 1, "the stand-in's invented container was left out: " + analysis);
        List<JsonObject> findings = analysis.getJsonArray("findings").getValuesAs(JsonObject.class);
        assertFalse(findings.isEmpty(), "the fleet has critical insights for it to read: " + analysis);
        java.util.Set<String> open = new java.util.HashSet<>();
        Insights.list("status=open").forEach(i -> i.getJsonArray("resources").getValuesAs(JsonString.class)
                .forEach(r -> open.add(r.getString())));
        for (JsonObject finding : findings) {
            for (JsonString resource : finding.getJsonArray("resources").getValuesAs(JsonString.class)) {
                assertTrue(open.contains(resource.getString()), "a resource of the round: " + finding);
            }
        }
        List<JsonObject> asInsights = Insights.list("status=open&kind=model_finding");
        long distinct = findings.stream().map(f -> f.getJsonArray("resources").getString(0) + ":"
                + f.getString("category")).distinct().count();
        assertEquals(distinct, asInsights.size(), "each finding is an open insight (one per resource and category): "
                + asInsights);
        for (JsonObject finding : findings) {
            assertTrue(asInsights.stream().anyMatch(i -> i.getString("title").equals("Model: "
                    + finding.getString("title"))), finding + " in " + asInsights);
        }
        Insights.round();
        assertEquals(asInsights.stream().map(i -> i.getJsonNumber("id").longValue()).sorted().toList(),
                Insights.list("status=open&kind=model_finding").stream().map(i -> i.getJsonNumber("id").longValue())
                        .sorted().toList(), "the same findings next round are the same insights");
        HttpResponse<String> actions = Api.get("/api/v1/remediation/actions?limit=1000");
        assertEquals(200, actions.statusCode(), actions.body());
        assertFalse(actions.body().contains("model_finding"), "no remediation is suggested from a model's finding");
        String sent = Api.get("/simulator/control/llm-received").body();
        assertTrue(sent.contains("fleet monitor's analyst") && sent.contains("<round-data>"),
                "the stand-in received the round as delimited data");
    }

    @Test
    void filtersAndTheCsvAnswerAndBadParametersAreClearMessages() {
        for (JsonObject i : Insights.list("status=all&severity=critical&category=availability")) {
            assertEquals("critical", i.getString("severity"));
            assertEquals("availability", i.getString("category"));
        }
        HttpResponse<String> csv = Api.get("/api/v1/insights?format=csv&status=all");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("Id,Status,Severity,Category,Kind,Title"), csv.body());
        for (String bad : List.of("status=closed", "severity=urgent", "category=mood", "sort=colour",
                "kind=DROP%20TABLE", "limit=0")) {
            HttpResponse<String> response = Api.get("/api/v1/insights?" + bad);
            assertEquals(400, response.statusCode(), bad + ": " + response.body());
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals(404, Api.get("/api/v1/insights/987654321").statusCode());
        assertEquals(400, Api.get("/api/v1/insights/abc").statusCode());
        JsonObject status = Api.object("/api/v1/insights/status");
        assertTrue(status.getBoolean("enabled"), status.toString());
        assertFalse(status.isNull("lastRound"), status.toString());
    }

    @Test
    void aViewerReadsInsightsButCannotRunARoundAndARoundIsAudited() {
        HttpResponse<String> viewer = Api.postAs(Insights.VIEWER, Insights.VIEWER_KEY,
                "/api/v1/insights/analyze?wait=1", null);
        assertEquals(403, viewer.statusCode(), viewer.body());
        Insights.round();
        boolean audited = Api.object("/api/v1/audit?action=insights.analyze&user=operator&limit=5")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("result").equals("SUCCESS"));
        assertTrue(audited, "the round asked for by the operator is in the audit log");
        assertEquals(Api.object("/api/v1/audit?action=insights.analyze&user=operator&limit=5").getInt("total"),
                Api.object("/api/v1/audit?action=insights.analyze&actor=operator&limit=5").getInt("total"),
                "actor is the issue's name of the same filter");
        assertEquals(400, Api.get("/api/v1/audit?actor=operator&user=viewer").statusCode());
    }
}
