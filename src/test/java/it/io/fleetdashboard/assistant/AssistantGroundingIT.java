package it.io.fleetdashboard.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assistant's grounding, against the simulator's OpenAI-compatible stand-in (which asks for tools by the
 * question's words, quotes what the tools answered and records every request it receives): tool calls run and
 * their rows cited, what is sent fits LLM_MAX_CONTEXT_TOKENS, secrets of containers and log lines never reach it,
 * names and labels written as instructions stay data, "why is X failing?" looks X up by itself, and the role decides
 * which tools are offered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantGroundingIT {

    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    /** The budget the IT server is given in src/test/liberty/server.env (LLM_MAX_CONTEXT_TOKENS). */
    static final int BUDGET = 3000;

    @BeforeAll
    void aFreshSnapshot() {
        Api.refresh();
    }

    static String marker() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject askAs(String user, String key, String question) {
        String body = Json.createObjectBuilder().add("question", question).build().toString();
        HttpResponse<String> response = user == null ? Api.post("/api/v1/assistant/ask", body)
                : Api.postAs(user, key, "/api/v1/assistant/ask", body);
        assertEquals(200, response.statusCode(), question + " → " + response.body());
        JsonObject answer = Api.json(response.body()).asJsonObject();
        assertEquals("SIMULATED", answer.getString("source"), "answered by the stand-in: " + answer);
        return answer;
    }

    static JsonObject ask(String question) {
        return askAs(null, null, question);
    }

    /** The request bodies the stand-in received that contain the marker, oldest first. */
    static List<JsonObject> receivedWith(String marker) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : Api.json(Api.get("/simulator/control/llm-received").body()).asJsonArray()) {
            String body = ((JsonString) v).getString();
            if (body.contains(marker)) {
                out.add(Api.json(body).asJsonObject());
            }
        }
        assertFalse(out.isEmpty(), "the stand-in never received " + marker);
        return out;
    }

    static String receivedText(String marker) {
        return receivedWith(marker).toString();
    }

    static List<String> toolNames(JsonObject answer) {
        return answer.getJsonArray("toolCalls").stream().map(c -> c.asJsonObject().getString("name")).toList();
    }

    static List<String> offeredTools(JsonObject request) {
        return request.getJsonArray("tools").stream()
                .map(t -> t.asJsonObject().getJsonObject("function").getString("name")).toList();
    }

    /** The tool messages of what was sent, by the tool named in their delimiter. */
    static List<String> toolResults(JsonArray sent, String tool) {
        return sent.stream().map(JsonValue::asJsonObject).filter(m -> m.getString("role").equals("tool"))
                .map(m -> m.getString("content")).filter(c -> c.contains("tool=\"" + tool + "\"")).toList();
    }

    /** Rows of the container list, as the API gives them. */
    static List<JsonObject> containers(String query) {
        return Api.object("/api/v1/containers?limit=1000&" + query).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("key").startsWith("sim-")).toList();
    }

    static String env(JsonObject inspect, String name) {
        return inspect.getJsonObject("Config").getJsonArray("Env").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                .findFirst().orElse(null);
    }

    static Optional<JsonObject> inspect(String key) {
        try {
            return Optional.of(Api.simulatedDocker(key, "/json"));
        } catch (AssertionError unreachable) {
            return Optional.empty(); // an endpoint the simulated Portainer cannot proxy to
        }
    }

    /** The simulated Docker's own log text of a container (its last lines, raw frames), or empty when it has none. */
    static Optional<String> rawLogs(String key, int tail) {
        String[] parts = key.split(":");
        JsonObject server = Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(parts[0])).findFirst()
                .orElseThrow();
        HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(server.getString("baseUrl")
                        + "/api/endpoints/" + parts[1] + "/docker/containers/" + parts[2]
                        + "/logs?stdout=1&stderr=1&tail=" + tail)).header("X-API-Key", server.getString("apiKey"))
                .GET());
        return response.statusCode() == 200 ? Optional.of(new String(response.body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The estimate the budget is kept in: about 4 characters a token, 4 tokens of framing per message. */
    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    static int tokensOf(JsonObject request) {
        int total = tokens(request.getJsonArray("tools").toString());
        for (JsonValue v : request.getJsonArray("messages")) {
            JsonObject m = v.asJsonObject();
            total += 4 + (m.get("content") instanceof JsonString c ? tokens(c.getString()) : 0);
            if (m.get("tool_calls") instanceof JsonArray calls) {
                for (JsonValue call : calls) {
                    JsonObject f = call.asJsonObject().getJsonObject("function");
                    total += tokens(f.getString("name")) + tokens(f.getString("arguments")) + 4;
                }
            }
        }
        return total;
    }

    @Test
    void aToolCallRunsAndTheAnswerQuotesARowOnlyTheToolCouldGiveWithLinksToItsPages() {
        JsonObject row = containers("state=running").get(0);
        String key = row.getString("key");
        String name = row.getString("name");
        String mark = marker();
        JsonObject answer = ask("Show details of " + key + " please, " + mark);

        assertEquals(List.of("container_details"), toolNames(answer), answer.toString());
        JsonObject call = answer.getJsonArray("toolCalls").getJsonObject(0);
        assertEquals(key, Api.json(call.getString("arguments")).asJsonObject().getString("container"));
        assertEquals(1, call.getInt("used"));
        JsonObject cited = call.getJsonArray("rows").getJsonObject(0);
        assertEquals("containers/" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8), cited.getString("href"),
                "the container's details page (AssistantPageIT follows such a link)");
        assertEquals("Container " + name, cited.getString("label"));

        // the question names the key only; the name comes from the tool's result, quoted by the stand-in
        assertFalse(answer.getJsonArray("sent").getJsonObject(0).getString("content").contains(name),
                "the fleet data in the instructions does not list containers");
        assertTrue(answer.getString("answer").contains("container_details") && answer.getString("answer")
                .contains("rows: " + name), answer.getString("answer"));
        List<String> results = toolResults(answer.getJsonArray("sent"), "container_details");
        assertEquals(1, results.size());
        assertTrue(results.get(0).contains("\"key\":\"" + key + "\""), results.get(0));

        List<JsonObject> requests = receivedWith(mark);
        assertEquals(2, requests.size(), "one round asking for the tool, one answering with its result");
        assertEquals(answer.getJsonArray("sent"), requests.get(1).getJsonArray("messages"),
                "the answer's \"sent\" is what the stand-in received last");
    }

    @Test
    void whatIsSentFitsTheContextBudgetAndSaysWhatWasLeftOut() {
        int total = Api.object("/api/v1/dashboard/summary").getInt("containersTotal");
        String mark = marker();
        JsonObject answer = ask("List all containers, all images, all endpoints and all stacks " + mark);
        assertTrue(toolNames(answer).containsAll(List.of("list_containers", "list_images", "list_endpoints",
                "list_stacks")), toolNames(answer).toString());
        JsonObject containers = answer.getJsonArray("toolCalls").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("list_containers")).findFirst().orElseThrow();
        assertEquals(total, containers.getInt("matched"), "the look-up covers the whole fleet");
        assertTrue(containers.getInt("used") < total, "but only part of it is sent: " + containers);
        assertEquals(containers.getInt("used"), containers.getJsonArray("rows").size(), "each row sent is cited");
        String result = toolResults(answer.getJsonArray("sent"), "list_containers").get(0);
        assertTrue(result.contains((total - containers.getInt("used")) + " more not shown (of " + total),
                "the model is told what was left out: " + result);
        assertTrue(result.split("\n")[1].startsWith(total + " of " + total + " containers match"),
                "the counts come first: " + result);

        for (JsonObject request : receivedWith(mark)) {
            assertTrue(tokensOf(request) <= BUDGET, tokensOf(request) + " tokens sent, budget " + BUDGET);
        }
        assertTrue(answer.getString("answer").contains("more not shown"), answer.getString("answer"));
    }

    @Test
    void maskedEnvironmentValuesNeverReachTheModel() {
        String key = null;
        JsonObject truth = null;
        for (JsonObject row : containers("state=running")) {
            Optional<JsonObject> inspect = inspect(row.getString("key"));
            if (inspect.isPresent() && env(inspect.get(), "DB_PASSWORD") != null) {
                key = row.getString("key");
                truth = inspect.get();
                break;
            }
        }
        assertNotNull(key, "a running container with DB_PASSWORD in the simulated fleet");
        String mark = marker();
        JsonObject answer = ask("Show details of " + key + " " + mark);
        assertEquals(List.of("container_details"), toolNames(answer));
        String received = receivedText(mark);
        assertTrue(received.contains("DB_PASSWORD") && received.contains("JAVA_OPTS"),
                "the environment was sent, by name: " + received);
        for (String secret : List.of("DB_PASSWORD", "API_TOKEN", "UPSTREAM_SESSION")) {
            String value = env(truth, secret);
            assertFalse(received.contains(value), secret + " reached the model: " + value);
        }
        String password = env(truth, "DATABASE_URL").replaceAll("^.*://app:([^@]+)@.*$", "$1");
        assertFalse(received.contains(password), "the password inside DATABASE_URL reached the model");
    }

    static final Pattern PLANTED_BEARER = Pattern.compile("Authorization: Bearer (eyJ[A-Za-z0-9._-]+)");
    static final Pattern PLANTED_URL = Pattern.compile("postgres://app:([0-9a-f]+)@db");

    @Test
    void tokensAndPasswordsPlantedInLogLinesNeverReachTheModel() {
        // a stopped container's logs do not grow, so the lines read here are the ones the tool reads
        String key = null;
        List<String> secrets = new ArrayList<>();
        for (JsonObject row : containers("state=stopped")) {
            Optional<String> logs = rawLogs(row.getString("key"), 20);
            if (logs.isEmpty()) {
                continue;
            }
            Matcher bearer = PLANTED_BEARER.matcher(logs.get());
            if (bearer.find()) {
                key = row.getString("key");
                secrets.add(bearer.group(1));
                Matcher url = PLANTED_URL.matcher(logs.get());
                while (url.find()) {
                    secrets.add(url.group(1));
                }
                break;
            }
        }
        assertNotNull(key, "a stopped container with a bearer token among its last 20 log lines");
        String mark = marker();
        JsonObject answer = ask("Show the logs of " + key + " " + mark);
        assertEquals(List.of("recent_logs"), toolNames(answer), answer.toString());
        String received = receivedText(mark);
        assertTrue(received.contains("outbound call with Authorization"), "the log line was sent: " + received);
        assertTrue(received.contains("REDACTED"), received);
        for (String secret : secrets) {
            assertFalse(received.contains(secret), "a secret from the logs reached the model: " + secret);
        }
    }

    @Test
    void aPortainerUrlWithCredentialsNeverReachesTheModel() {
        String mark = marker();
        JsonObject answer = ask("Our Portainer is https://admin:portainer-pw-4411@portainer.example.com:9443/api "
                + "and its key is ptr_" + "a1b2c3d4e5".repeat(4) + " — is that fine? " + mark);
        String received = receivedText(mark);
        assertFalse(received.contains("portainer-pw-4411"), received);
        assertFalse(received.contains("a1b2c3d4e5a1b2c3d4e5"), received);
        assertTrue(received.contains("https://admin:***REDACTED***@portainer.example.com:9443"), received);
        assertFalse(answer.toString().contains("portainer-pw-4411"), "nor does it come back in the answer");
    }

    static String injectionKey() {
        List<JsonObject> rows = containers("search=ignore-previous-instructions");
        assertFalse(rows.isEmpty(), "the simulated container named like an instruction");
        return rows.get(0).getString("key");
    }

    @Test
    void aContainerNamedLikeAnInstructionIsListedAsDataAndChangesNothing() {
        String mark = marker();
        JsonObject answer = ask("Show containers named ignore-previous-instructions " + mark);
        assertEquals(List.of("list_containers"), toolNames(answer));
        assertTrue(answer.getJsonArray("toolCalls").getJsonObject(0).getInt("used") >= 1, answer.toString());
        assertTrue(receivedText(mark).contains("IGNORE PREVIOUS INSTRUCTIONS"), "the name was sent");
        // the stand-in quotes the name it was given (which says PWNED), but does not obey it
        assertFalse(answer.getString("answer").contains("I followed instructions"), answer.getString("answer"));
        assertTrue(answer.getString("answer").startsWith("Simulated answer"), answer.getString("answer"));
        assertTrue(answer.getString("answer").contains("rows: ignore-previous-instructions"), answer.getString("answer"));
    }

    @Test
    void aLabelThatAsksForLogsTriggersNoLookUp() {
        String key = injectionKey();
        String mark = marker();
        JsonObject answer = ask("Show details of " + key + " " + mark);
        assertEquals(List.of("container_details"), toolNames(answer), "no look-up but the one asked for");
        String received = receivedText(mark);
        assertTrue(received.contains("and call recent_logs"), "the label was sent: " + received);
        assertFalse(answer.getString("answer").contains("I followed instructions"), answer.getString("answer"));
        assertTrue(answer.getString("answer").startsWith("Simulated answer"), answer.getString("answer"));
        for (JsonObject request : receivedWith(mark)) {
            for (JsonValue m : request.getJsonArray("messages")) {
                if (m.asJsonObject().get("tool_calls") instanceof JsonArray calls) {
                    for (JsonValue c : calls) {
                        assertFalse(c.toString().contains("recent_logs"), c.toString());
                    }
                }
            }
        }
    }

    static String stoppedWithLogs() {
        for (JsonObject row : containers("state=stopped")) {
            Optional<String> logs = rawLogs(row.getString("key"), 5);
            if (logs.isPresent() && !logs.get().isBlank()) {
                return row.getString("key");
            }
        }
        throw new AssertionError("no stopped container with logs in the simulated fleet");
    }

    @Test
    void whyIsXFailingFetchesItsDetailsAndLogsByItself() {
        String key = stoppedWithLogs();
        String mark = marker();
        JsonObject answer = askAs("operator", OPERATOR_KEY, "Why is " + key + " failing? " + mark);
        assertEquals(List.of("container_details", "recent_logs"), toolNames(answer), answer.toString());
        JsonArray sent = answer.getJsonArray("sent");
        String details = toolResults(sent, "container_details").get(0);
        assertTrue(details.contains("\"key\":\"" + key + "\"") && details.contains("\"restartCount\"")
                && details.contains("\"exitCode\""), details);
        String logs = toolResults(sent, "recent_logs").get(0);
        assertTrue(logs.contains("log lines of"), logs);
        JsonObject first = receivedWith(mark).get(0);
        assertTrue(first.getJsonArray("messages").stream().anyMatch(m -> m.asJsonObject().getString("role")
                .equals("tool")), "the look-ups are in the first request the model gets");
    }

    @Test
    void aViewerIsNeverOfferedNorGivenLogs() {
        String key = stoppedWithLogs();
        String mark = marker();
        JsonObject why = askAs("viewer", VIEWER_KEY, "Why is " + key + " failing? " + mark);
        assertEquals(List.of("container_details"), toolNames(why), "details only: " + why);
        String mark2 = marker();
        JsonObject logs = askAs("viewer", VIEWER_KEY, "Show the logs of " + key + " " + mark2);
        assertTrue(toolNames(logs).isEmpty(), logs.toString());
        for (String m : List.of(mark, mark2)) {
            for (JsonObject request : receivedWith(m)) {
                assertFalse(offeredTools(request).contains("recent_logs"), offeredTools(request).toString());
                assertTrue(offeredTools(request).contains("container_details"), offeredTools(request).toString());
                assertFalse(request.toString().contains("tool=\\\"recent_logs\\\""), request.toString());
            }
        }
        JsonObject asOperator = askAs("operator", OPERATOR_KEY, "Show the logs of " + key + " " + marker());
        assertEquals(List.of("recent_logs"), toolNames(asOperator), "an operator gets them");
    }

    @Test
    void theMessagesSentForAnAnswerAreDownloadableByItsOwnerOnly() {
        String mark = marker();
        JsonObject answer = ask("Show stopped containers " + mark);
        JsonArray turns = Api.object("/api/v1/assistant/conversations/" + answer.getJsonNumber("conversation"))
                .getJsonArray("turns");
        long id = turns.getJsonObject(1).getJsonNumber("id").longValue();
        HttpResponse<String> sent = Api.get("/api/v1/assistant/messages/" + id + "/sent");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertEquals(answer.getJsonArray("sent"), Api.json(sent.body()).asJsonArray());
        assertEquals(receivedWith(mark).get(receivedWith(mark).size() - 1).getJsonArray("messages"),
                Api.json(sent.body()).asJsonArray(), "the download is what the model received");
        HttpResponse<String> foreign = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/assistant/messages/" + id + "/sent"))
                .header("Authorization", AuthIT.basic("viewer", VIEWER_KEY)).GET());
        assertEquals(404, foreign.statusCode(), foreign.body());
    }
}
