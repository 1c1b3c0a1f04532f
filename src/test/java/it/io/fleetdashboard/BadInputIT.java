package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter of every API route, with bad values of its kind: each answer is 400 with a JSON
 * {error: "bad_request", message} that names the parameter, never 404 or 500, and never internal text.
 * Malformed JSON bodies get the same treatment. A new parameter belongs in {@link #ROUTES}.
 */
class BadInputIT {

    /** WHOLE: an int (2147483648 is too large); ID: a positive long (a database id; 2147483648 is one). */
    enum Kind { WHOLE, ID, ENUM, INSTANT, BOOLEAN, FORMAT }

    static final Map<Kind, List<String>> BAD = Map.of(
            Kind.WHOLE, List.of("abc", "1.5", "-1", "99999999999999999999", "2147483648", "1e3", "0x10", "%20+"),
            Kind.ID, List.of("abc", "1.5", "-1", "0", "99999999999999999999", "1e3", "0x10", "%20+"),
            Kind.ENUM, List.of("bogus", "1", "drop table"),
            Kind.INSTANT, List.of("yesterday", "99999999999999999999d", "999999999d", "0", "9999999999999",
                    "3000-01-01T00:00:00Z", "2026-13-40T00:00:00Z", "-5"),
            Kind.BOOLEAN, List.of("maybe", "1", "yes"),
            Kind.FORMAT, List.of("xml", "CSV2", "*"));

    /** Method, path, and each query parameter with its kind. */
    record Route(String method, String path, Map<String, Kind> parameters) {
    }

    static final String SERIES = "/api/v1/metrics/containers/" + URLEncoder.encode("it:no-such:container",
            StandardCharsets.UTF_8);

    static final List<Route> ROUTES = List.of(
            route("GET", "/api/v1/endpoints", paging("status", Kind.ENUM)),
            route("GET", "/api/v1/containers", paging("state", Kind.ENUM, "health", Kind.ENUM,
                    "includeStopped", Kind.BOOLEAN)),
            route("GET", "/api/v1/containers.csv", Map.of("sort", Kind.ENUM, "order", Kind.ENUM, "state", Kind.ENUM,
                    "health", Kind.ENUM, "includeStopped", Kind.BOOLEAN)),
            route("GET", "/api/v1/stacks", paging()),
            route("GET", "/api/v1/networks/connections", paging("includeStopped", Kind.BOOLEAN)),
            route("GET", "/api/v1/networks/connections.csv", Map.of("sort", Kind.ENUM, "order", Kind.ENUM,
                    "includeStopped", Kind.BOOLEAN)),
            route("GET", "/api/v1/networks/topology", Map.of("nodes", Kind.WHOLE, "includeStopped", Kind.BOOLEAN)),
            route("GET", "/api/v1/logs/search", Map.of("size", Kind.WHOLE, "exact", Kind.BOOLEAN, "from", Kind.INSTANT,
                    "to", Kind.INSTANT, "format", Kind.FORMAT)),
            route("GET", "/api/v1/images", paging("dangling", Kind.BOOLEAN)),
            route("GET", "/api/v1/dashboard/overview", paging()),
            route("POST", "/api/v1/refresh", Map.of("wait", Kind.WHOLE)),
            route("GET", "/api/v1/metrics/containers", Map.of("limit", Kind.WHOLE)),
            route("GET", SERIES, Map.of("metric", Kind.ENUM, "from", Kind.INSTANT, "to", Kind.INSTANT,
                    "step", Kind.WHOLE, "resolution", Kind.ENUM, "format", Kind.FORMAT)),
            route("GET", "/api/v1/metrics/top", Map.of("limit", Kind.WHOLE)),
            route("GET", "/api/v1/metrics/anomalies", Map.of("from", Kind.INSTANT, "to", Kind.INSTANT,
                    "metric", Kind.ENUM, "severity", Kind.ENUM, "direction", Kind.ENUM, "limit", Kind.WHOLE,
                    "format", Kind.FORMAT)),
            route("POST", "/api/v1/metrics/collect", Map.of("wait", Kind.WHOLE)),
            route("POST", "/api/v1/metrics/admin/samples", Map.of("holdSeconds", Kind.WHOLE)),
            route("GET", "/api/v1/insights", paging("status", Kind.ENUM, "severity", Kind.ENUM, "category", Kind.ENUM,
                    "format", Kind.FORMAT)),
            route("POST", "/api/v1/insights/analyze", Map.of("wait", Kind.WHOLE)),
            route("GET", "/api/v1/security/posture", Map.of("limit", Kind.WHOLE)),
            route("GET", "/api/v1/assistant/conversations", Map.of("limit", Kind.WHOLE)),
            route("GET", "/api/v1/remediation/actions", Map.of("status", Kind.ENUM, "limit", Kind.WHOLE)),
            route("GET", "/api/v1/tracing/routes", Map.of("hours", Kind.WHOLE, "method", Kind.ENUM,
                    "errorsOnly", Kind.BOOLEAN, "sort", Kind.ENUM, "order", Kind.ENUM, "format", Kind.FORMAT)),
            route("GET", "/api/v1/tracing/timeline", Map.of("hours", Kind.WHOLE)),
            route("GET", "/api/v1/tracing/requests", Map.of("limit", Kind.WHOLE, "method", Kind.ENUM,
                    "errorsOnly", Kind.BOOLEAN)),
            route("GET", "/api/v1/live", Map.of("topics", Kind.ENUM)),
            route("GET", "/api/v1/alerts/deliveries", Map.of("channel", Kind.ID, "status", Kind.ENUM,
                    "event", Kind.ENUM, "insight", Kind.ID, "limit", Kind.WHOLE, "offset", Kind.WHOLE)),
            // refused before a backup starts: nothing is made
            route("POST", "/api/v1/environments/sim-1/backups", Map.of("wait", Kind.WHOLE)));

    static final List<String> INTERNAL = List.of("exception", "sql", "jdbc", "java.", "jakarta.", "org.",
            "io.fleetdashboard", "resteasy", "yasson", "jsonb", "parsson", "stacktrace", "\tat ", "cwwk", "srve",
            "line no", "offset=");

    private static Route route(String method, String path, Map<String, Kind> parameters) {
        return new Route(method, path, parameters);
    }

    private static Map<String, Kind> paging(Object... more) {
        Map<String, Kind> p = new LinkedHashMap<>(Map.of("limit", Kind.WHOLE, "offset", Kind.WHOLE,
                "sort", Kind.ENUM, "order", Kind.ENUM));
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put((String) more[i], (Kind) more[i + 1]);
        }
        return p;
    }

    @Test
    void everyQueryParameterRefusesBadValuesWithAClearJsonError() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : ROUTES) {
            for (Map.Entry<String, Kind> parameter : route.parameters().entrySet()) {
                for (String value : BAD.get(parameter.getValue())) {
                    String query = "?" + parameter.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    HttpResponse<String> response = route.method().equals("GET") ? Api.get(route.path() + query)
                            : Api.post(route.path() + query, "{\"samples\":[]}");
                    checked++;
                    String problem = problem(response, parameter.getKey());
                    if (problem != null) {
                        wrong.add(route.method() + " " + route.path() + query + ": " + problem);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " bad values were not refused properly:\n"
                + String.join("\n", wrong));
    }

    @Test
    void aRangeTooLongOrBackwardsIsRefused() {
        for (String query : List.of("?from=40d", "?from=1h&to=2h", "?from=2026-01-01T00:00:00Z&to=2025-12-01T00:00:00Z")) {
            assertEquals(null, problem(Api.get("/api/v1/metrics/anomalies" + query), null), query);
            assertEquals(null, problem(Api.get(SERIES + query), null), query);
        }
    }

    @Test
    void malformedJsonBodiesGetA400WithoutParserText() {
        List<String> wrong = new ArrayList<>();
        for (String body : List.of("{", "not json", "[1,2]", "{\"samples\":\"x\"}", "{\"samples\":[1]}",
                "{\"samples\":[{\"containerKey\":\"k\",\"at\":\"never\"}]}",
                "{\"samples\":[{\"containerKey\":\"k\",\"at\":\"2026-01-01T00:00:00Z\",\"cpuPercent\":\"abc\"}]}")) {
            String problem = problem(Api.post("/api/v1/metrics/admin/samples", body), null);
            if (problem != null) {
                wrong.add(body + ": " + problem);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void malformedAlertBodiesGetA400WithoutParserText() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/alerts/channels", "/api/v1/alerts/maintenance")) {
            for (String body : List.of("", "{", "not json", "[1,2]", "{\"name\":1}", "{\"name\":\"x\",\"kind\":[]}",
                    "{\"name\":\"x\",\"minutes\":\"many\"}", "{\"name\":\"x\",\"kind\":\"webhook\","
                            + "\"url\":\"http://h/x\",\"renotifySeconds\":1e99}")) {
                String problem = problem(Api.post(path, body), null);
                if (problem != null) {
                    wrong.add(path + " " + body + ": " + problem);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void badBackupIdsAndMalformedAdministrationBodiesGetA400() {
        List<String> wrong = new ArrayList<>();
        for (String id : List.of("abc", "0", "-1", "1.5", "99999999999999999999", "%3Cscript%3E")) {
            for (String method : List.of("GET", "DELETE")) {
                HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/backups/" + id)).header("Authorization", authorization())
                        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()));
                String problem = problem(response, "id");
                if (problem != null) {
                    wrong.add(method + " /api/v1/backups/" + id + ": " + problem);
                }
            }
        }
        String absent = "bad-input-none";
        String settings = "{\"timeoutSeconds\":\"soon\"}";
        for (String[] route : new String[][] {{"POST", "/api/v1/environments", settings},
                {"POST", "/api/v1/environments", "{\"enabled\":[]}"},
                {"PUT", "/api/v1/environments/" + absent, settings},
                {"POST", "/api/v1/environments/" + absent + "/test", settings},
                {"POST", "/api/v1/environments/" + absent + "/backups", "{\"password\":[]}"},
                {"PUT", "/api/v1/backups/settings", "{\"keep\":\"many\"}"}}) {
            for (String body : List.of("{", "not json", "[1,2]", route[2])) {
                HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + route[1]))
                        .header("Authorization", authorization()).header("Content-Type", "application/json")
                        .method(route[0], HttpRequest.BodyPublishers.ofString(body)));
                String problem = problem(response, null);
                if (problem != null) {
                    wrong.add(route[0] + " " + route[1] + " " + body + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(404, Api.get("/api/v1/environments/" + absent).statusCode(), "nothing was stored");
    }

    @Test
    void malformedAssistantQuestionsAndIdsGetA400WithoutParserText() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/assistant/ask", "/api/v1/assistant/streams")) {
            for (String body : List.of("", "{", "not json", "[1,2]", "{\"question\":1}", "{\"question\":null}",
                    "{\"question\":\"x\",\"conversation\":\"one\"}", "{\"question\":\"x\",\"conversation\":1.5}",
                    "{\"question\":\"x\",\"conversation\":-1}")) {
                String problem = problem(Api.post(path, body), null);
                if (problem != null) {
                    wrong.add(path + " " + body + ": " + problem);
                }
            }
        }
        // as path segments ("%20+" is left out: an escaped '%' in a path is refused before, as bad_path)
        for (String bad : BAD.get(Kind.WHOLE).stream().filter(b -> !b.contains("%")).toList()) {
            for (String path : List.of("/api/v1/assistant/conversations/%s", "/api/v1/assistant/messages/%s/sent")) {
                String url = String.format(path, URLEncoder.encode(bad, StandardCharsets.UTF_8));
                String problem = problem(Api.get(url), "id");
                if (problem != null) {
                    wrong.add(url + ": " + problem);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void malformedMcpClientRequestsGetA400WithoutParserText() {
        List<String> wrong = new ArrayList<>();
        for (String body : List.of("", "{", "not json", "[1,2]", "{\"name\":1}", "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"role\":\"admin\"}", "{\"name\":\" \",\"role\":\"viewer\"}",
                "{\"name\":\"a\\nb\",\"role\":\"viewer\"}", "{\"name\":\"x\",\"role\":[]}")) {
            String problem = problem(Api.post("/api/v1/mcp/clients", body), null);
            if (problem != null) {
                wrong.add(body + ": " + problem);
            }
        }
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5")) {
            String problem = problem(Api.post("/api/v1/mcp/clients/" + id + "/revoke", null), "id");
            if (problem != null) {
                wrong.add("revoke " + id + ": " + problem);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedAsJson() {
        HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/metrics/admin/samples")).header("Authorization", authorization())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, response.statusCode(), response.body());
        assertEquals(null, internalText(response.body()));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void badSingleSignOnCallbacksAnswerTheSignInPageWithTheReason() {
        for (String query : List.of("", "?code=abc", "?state=nope", "?code=&state=", "?code=abc&state=%3Cscript%3E",
                "?error=access_denied", "?error=%3Cb%3E&state=x&code=y", "?code=" + "c".repeat(4000) + "&state=s")) {
            HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/auth/oidc/callback"
                    + query)).GET());
            assertEquals(400, response.statusCode(), query + ": " + abbreviate(response.body()));
            assertTrue(response.body().contains("Start the sign-in again"), query + ": " + abbreviate(response.body()));
            String lower = response.body().toLowerCase(java.util.Locale.ROOT);
            assertTrue(!lower.contains("exception") && !lower.contains("stacktrace") && !lower.contains("<script>")
                    && !lower.contains("<b>"), query + ": " + abbreviate(response.body()));
        }
        HttpResponse<String> login = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                + "/auth/oidc/login?next=https%3A%2F%2Fevil.example%2F")).GET());
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").contains("/simulator/oidc/authorize?"));
    }

    /** null when the answer is a proper 400; otherwise what is wrong with it. */
    static String problem(HttpResponse<String> response, String parameter) {
        if (response.statusCode() != 400) {
            return "status " + response.statusCode() + " " + abbreviate(response.body());
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "not JSON: " + response.headers().firstValue("Content-Type").orElse("(no type)");
        }
        JsonObject error;
        try {
            error = Api.json(response.body()).asJsonObject();
        } catch (RuntimeException e) {
            return "unparsable body " + abbreviate(response.body());
        }
        if (!"bad_request".equals(error.getString("error", "")) || error.getString("message", "").isBlank()) {
            return "not {error: bad_request, message}: " + abbreviate(response.body());
        }
        if (parameter != null && !error.getString("message").startsWith(parameter + " ")) {
            return "the message does not name " + parameter + ": " + error.getString("message");
        }
        return internalText(error.getString("message"));
    }

    static String internalText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String internal : INTERNAL) {
            if (lower.contains(internal)) {
                return "internal text '" + internal.strip() + "' in " + abbreviate(text);
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String authorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((System.getProperty("it.username", "admin")
                + ":" + System.getProperty("it.key", "it-secret-key")).getBytes(StandardCharsets.UTF_8));
    }
}
