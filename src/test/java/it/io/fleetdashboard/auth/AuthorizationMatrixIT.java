package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route and page × {anonymous, viewer, operator, admin} × {GET, POST}, checked against the one table below,
 * plus the non-canonical spellings of protected paths. The table must name every JAX-RS route (read from the
 * server's own OpenAPI document), every page (the .xhtml files of the web application) and every servlet
 * (@WebServlet in the sources): a route that is not in the table fails the test, so a new route cannot be added
 * without saying who may use it.
 *
 * <p>Outcomes: A = passes the access check (any answer but 401, 403, 405 or a redirect to sign-in; the route itself
 * may still say 400, 404 or 415), L = must sign in first (401 JSON on API routes, a redirect to sign-in on pages),
 * F = 403, X = 405 (a public resource that may only be read), B = 400 (a path that is not canonical).
 * API rows are called with HTTP Basic, page rows with the session of a form sign-in. POSTs that would change
 * something carry an invalid parameter or content type, so the route refuses them after the access check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** route (as in OpenAPI, or the page / servlet path) | kind | GET path | GET outcomes | POST path | POST outcomes. */
    static final String TABLE = """
            /api/v1/me                               API  /api/v1/me                            LAAA  /api/v1/me                          LFAA
            /api/v1/dashboard/summary                API  /api/v1/dashboard/summary             LAAA  /api/v1/dashboard/summary           LFAA
            /api/v1/dashboard/summary.csv            API  /api/v1/dashboard/summary.csv         LAAA  /api/v1/dashboard/summary.csv       LFAA
            /api/v1/dashboard/overview               API  /api/v1/dashboard/overview            LAAA  /api/v1/dashboard/overview          LFAA
            /api/v1/dashboard/attention              API  /api/v1/dashboard/attention           LAAA  /api/v1/dashboard/attention         LFAA
            /api/v1/widget                           API  /api/v1/widget                        LAAA  /api/v1/widget                      LFAA
            /api/v1/live                             API  /api/v1/live?topics=bogus             LAAA  /api/v1/live                        LFAA
            /api/v1/endpoints                        API  /api/v1/endpoints?limit=1             LAAA  /api/v1/endpoints                   LFAA
            /api/v1/containers                       API  /api/v1/containers?limit=1            LAAA  /api/v1/containers                  LFAA
            /api/v1/containers/{key}                 API  /api/v1/containers/a:1:b              LAAA  /api/v1/containers/a:1:b            LFAA
            /api/v1/containers/{key}/{action}        API  /api/v1/containers/a:1:b/restart      LAAA  /api/v1/containers/a:1:b/restart    LFAA
            /api/v1/containers/actions/{action}      API  /api/v1/containers/actions/restart    LAAA  /api/v1/containers/actions/restart  LFAA
            /api/v1/containers/{key}/logs            API  /api/v1/containers/a:1:b/logs         LFAA  /api/v1/containers/a:1:b/logs       LFAA
            /api/v1/containers/{key}/logs/follow     API  /api/v1/containers/a:1:b/logs/follow  LFAA  /api/v1/containers/a:1:b/logs/follow LFAA
            /api/v1/logs                             API  /api/v1/logs                          LFAA  /api/v1/logs                        LFAA
            /api/v1/logs/streams                     API  /api/v1/logs/streams                  LFAA  /api/v1/logs/streams                LFAA
            /api/v1/audit                            API  /api/v1/audit                         LFFA  /api/v1/audit                       LFFA
            /api/v1/tracing/routes                   API  /api/v1/tracing/routes                LFFA  /api/v1/tracing/routes              LFFA
            /api/v1/tracing/timeline                 API  /api/v1/tracing/timeline              LFFA  /api/v1/tracing/timeline            LFFA
            /api/v1/tracing/requests                 API  /api/v1/tracing/requests              LFFA  /api/v1/tracing/requests            LFFA
            /api/v1/containers.csv                   API  /api/v1/containers.csv?state=dead     LAAA  /api/v1/containers.csv              LFAA
            /api/v1/container-health/containers      API  /api/v1/container-health/containers?limit=1 LAAA /api/v1/container-health/containers LFAA
            /api/v1/container-health/containers.csv  API  /api/v1/container-health/containers.csv?trouble=any LAAA /api/v1/container-health/containers.csv LFAA
            /api/v1/container-health/distribution    API  /api/v1/container-health/distribution LAAA  /api/v1/container-health/distribution LFAA
            /api/v1/stacks                           API  /api/v1/stacks?limit=1                LAAA  /api/v1/stacks                      LFAA
            /api/v1/stacks.csv                       API  /api/v1/stacks.csv?external=true      LAAA  /api/v1/stacks.csv                  LFAA
            /api/v1/endpoints.csv                    API  /api/v1/endpoints.csv?status=offline  LAAA  /api/v1/endpoints.csv               LFAA
            /api/v1/images                           API  /api/v1/images?limit=1                LAAA  /api/v1/images                      LFAA
            /api/v1/networks/connections             API  /api/v1/networks/connections?limit=1  LAAA  /api/v1/networks/connections        LFAA
            /api/v1/networks/connections.csv         API  /api/v1/networks/connections.csv?network=none LAAA /api/v1/networks/connections.csv LFAA
            /api/v1/networks/topology                API  /api/v1/networks/topology?nodes=1     LAAA  /api/v1/networks/topology           LFAA
            /api/v1/logs/search                      API  /api/v1/logs/search?size=0            LFAA  /api/v1/logs/search                 LFAA
            /api/v1/logs/search/hostnames            API  /api/v1/logs/search/hostnames         LFAA  /api/v1/logs/search/hostnames       LFAA
            /api/v1/images/distinct                  API  /api/v1/images/distinct?limit=1       LAAA  /api/v1/images/distinct             LFAA
            /api/v1/images/distinct.csv              API  /api/v1/images/distinct.csv?unused=true LAAA /api/v1/images/distinct.csv        LFAA
            /api/v1/images/unused                    API  /api/v1/images/unused                 LAAA  /api/v1/images/unused               LFAA
            /api/v1/circuits                         API  /api/v1/circuits                      LAAA  /api/v1/circuits                    LFAA
            /api/v1/refresh                          API  /api/v1/refresh                       LAAA  /api/v1/refresh?wait=-1             LFAA
            /api/v1/environments                     API  /api/v1/environments                  LAAA  /api/v1/environments                LFFA
            /api/v1/environments/{name}/status       API  /api/v1/environments/none/status      LAAA  /api/v1/environments/none/status    LFFA
            /api/v1/environments/{name}              API  /api/v1/environments/none             LAAA  /api/v1/environments/none           LFFA
            /api/v1/environments/{name}/test         API  /api/v1/environments/none/test        LAAA  /api/v1/environments/none/test      LFFA
            /api/v1/environments/{name}/backups      API  /api/v1/environments/none/backups     LAAA  /api/v1/environments/none/backups   LFFA
            /api/v1/backups                          API  /api/v1/backups                       LFFA  /api/v1/backups                     LFFA
            /api/v1/backups/{id}                     API  /api/v1/backups/0                     LFFA  /api/v1/backups/0                   LFFA
            /api/v1/backups/settings                 API  /api/v1/backups/settings              LFFA  /api/v1/backups/settings            LFFA
            /environments.xhtml                      PAGE /environments.xhtml                   LFFA  /environments.xhtml                 LFFA
            /backups.xhtml                           PAGE /backups.xhtml                        LFFA  /backups.xhtml                      LFFA
            /api/v1/metrics/containers               API  /api/v1/metrics/containers?q=x        LAAA  /api/v1/metrics/containers          LFAA
            /api/v1/metrics/containers/{key}         API  /api/v1/metrics/containers/a:1:b      LAAA  /api/v1/metrics/containers/a:1:b    LFAA
            /api/v1/metrics/top                      API  /api/v1/metrics/top                   LAAA  /api/v1/metrics/top                 LFAA
            /api/v1/metrics/anomalies                API  /api/v1/metrics/anomalies             LAAA  /api/v1/metrics/anomalies           LFAA
            /api/v1/metrics/status                   API  /api/v1/metrics/status                LAAA  /api/v1/metrics/status              LFAA
            /api/v1/metrics/collect                  API  /api/v1/metrics/collect               LAAA  /api/v1/metrics/collect?wait=-1     LFAA
            /api/v1/metrics/admin/maintenance        API  /api/v1/metrics/admin/maintenance     LFFA  /api/v1/metrics/admin/nothing       LFFA
            /api/v1/metrics/admin/samples            API  /api/v1/metrics/admin/samples         LFFA  /api/v1/metrics/admin/samples      LFFA
            /api/v1/metrics/admin/hold               API  /api/v1/metrics/admin/hold            LFFA  /api/v1/metrics/admin/hold          LFFA
            /api/v1/metrics/admin/hold/release       API  /api/v1/metrics/admin/hold/release    LFFA  /api/v1/metrics/admin/nothing       LFFA
            /api/v1/insights                         API  /api/v1/insights                      LAAA  /api/v1/insights                    LFAA
            /api/v1/insights/{id}                    API  /api/v1/insights/1                    LAAA  /api/v1/insights/1                  LFAA
            /api/v1/insights/status                  API  /api/v1/insights/status               LAAA  /api/v1/insights/status             LFAA
            /api/v1/insights/analyze                 API  /api/v1/insights/analyze              LAAA  /api/v1/insights/analyze?wait=-1    LFAA
            /api/v1/security/posture                 API  /api/v1/security/posture              LAAA  /api/v1/security/posture            LFAA
            /api/v1/remediation/actions              API  /api/v1/remediation/actions           LAAA  /api/v1/remediation/actions         LFAA
            /api/v1/remediation/summary              API  /api/v1/remediation/summary           LAAA  /api/v1/remediation/summary         LFAA
            /api/v1/remediation/actions/{id}/{step}  API  /api/v1/remediation/actions/1/approve LAAA  /api/v1/remediation/actions/x/approve LFAA
            /api/v1/alerts/status                    API  /api/v1/alerts/status                 LAAA  /api/v1/alerts/status               LFFA
            /api/v1/alerts/channels                  API  /api/v1/alerts/channels               LFFA  /api/v1/alerts/channels             LFFA
            /api/v1/alerts/channels/{id}             API  /api/v1/alerts/channels/1             LFFA  /api/v1/alerts/channels/1           LFFA
            /api/v1/alerts/channels/{id}/test        API  /api/v1/alerts/channels/1/test        LFFA  /api/v1/alerts/channels/x/test      LFFA
            /api/v1/alerts/deliveries                API  /api/v1/alerts/deliveries             LAAA  /api/v1/alerts/deliveries           LFFA
            /api/v1/alerts/acks                      API  /api/v1/alerts/acks                   LAAA  /api/v1/alerts/acks                 LFAA
            /api/v1/alerts/acks/{insight}            API  /api/v1/alerts/acks/1                 LAAA  /api/v1/alerts/acks/x               LFAA
            /api/v1/alerts/maintenance               API  /api/v1/alerts/maintenance            LAAA  /api/v1/alerts/maintenance          LFFA
            /api/v1/alerts/maintenance/{id}          API  /api/v1/alerts/maintenance/1          LAAA  /api/v1/alerts/maintenance/1        LFFA
            /alerts.xhtml                            PAGE /alerts.xhtml                         LAAA  /alerts.xhtml                       LAAA
            /remediation.xhtml                       PAGE /remediation.xhtml                    LAAA  /remediation.xhtml                  LAAA
            /insights.xhtml                          PAGE /insights.xhtml                       LAAA  /insights.xhtml                     LAAA
            /api/v1/assistant/ask                    API  /api/v1/assistant/ask                 LAAA  /api/v1/assistant/ask               LAAA
            /api/v1/assistant/conversations          API  /api/v1/assistant/conversations       LAAA  /api/v1/assistant/conversations     LAAA
            /api/v1/assistant/conversations/{id}     API  /api/v1/assistant/conversations/1     LAAA  /api/v1/assistant/conversations/1   LAAA
            /api/v1/assistant/messages/{id}/sent     API  /api/v1/assistant/messages/1/sent     LAAA  /api/v1/assistant/messages/1/sent   LAAA
            /api/v1/assistant/streams                API  /api/v1/assistant/streams             LAAA  /api/v1/assistant/streams           LAAA
            /api/v1/assistant/streams/{id}           API  /api/v1/assistant/streams/none        LAAA  /api/v1/assistant/streams/none      LAAA
            /api/v1/assistant/streams/{id}/stop      API  /api/v1/assistant/streams/none/stop   LAAA  /api/v1/assistant/streams/none/stop LAAA
            /simulator/control/*                     API  /simulator/control/truth              LFFA  /simulator/control/reset            LFFA
            /api/v1/sessions                         API  /api/v1/sessions                      LFFA  /api/v1/sessions                    LFFA
            /api/v1/sessions/{id}/end                API  /api/v1/sessions/none/end             LFFA  /api/v1/sessions/none/end           LFFA
            /sessions.xhtml                          PAGE /sessions.xhtml                       LFFA  /sessions.xhtml                     LFFA
            /api/v1/mcp/clients                      API  /api/v1/mcp/clients                   LFFA  /api/v1/mcp/clients                 LFFA
            /api/v1/mcp/clients/{id}/revoke          API  /api/v1/mcp/clients/0/revoke          LFFA  /api/v1/mcp/clients/0/revoke        LFFA
            /mcp.xhtml                               PAGE /mcp.xhtml                            LFFA  /mcp.xhtml                          LFFA
            /mcp                                     API  /mcp                                  LLLL  /mcp                                LLLL
            /auth/oidc/*                             PAGE /auth/oidc/callback                   AAAA  /auth/oidc/callback                 XXXX
            /simulator/oidc/*                        PAGE /simulator/oidc/.well-known/openid-configuration AAAA /simulator/oidc/token AAAA
            /session-status                          PAGE /session-status                       AAAA  /session-status                     XXXX
            /index.xhtml                             PAGE /index.xhtml                          LAAA  /index.xhtml                        LAAA
            /container-metrics.xhtml                 PAGE /container-metrics.xhtml              LAAA  /container-metrics.xhtml            LAAA
            /workloads.xhtml                         PAGE /workloads.xhtml?state=running        LAAA  /workloads.xhtml                    LAAA
            /container.xhtml                         PAGE /container.xhtml                      LAAA  /container.xhtml                    LAAA
            /containers/*                            PAGE /containers/a:1:b                     LAAA  /containers/a:1:b                   LXXX
            /networks.xhtml                          PAGE /networks.xhtml                       LAAA  /networks.xhtml                     LAAA
            /log-search.xhtml                        PAGE /log-search.xhtml                     LFAA  /log-search.xhtml                   LFAA
            /health.xhtml                            PAGE /health.xhtml                         LAAA  /health.xhtml                       LAAA
            /logs.xhtml                              PAGE /logs.xhtml                           LFAA  /logs.xhtml                         LFAA
            /audit.xhtml                             PAGE /audit.xhtml                          LFFA  /audit.xhtml                        LFFA
            /tracing.xhtml                           PAGE /tracing.xhtml                        LFFA  /tracing.xhtml                      LFFA
            /edge.xhtml                              PAGE /edge.xhtml                           LAAA  /edge.xhtml                         LAAA
            /images.xhtml                            PAGE /images.xhtml                         LAAA  /images.xhtml                       LAAA
            /assistant.xhtml                         PAGE /assistant.xhtml                      LAAA  /assistant.xhtml                    LAAA
            /signin.xhtml                            PAGE /signin.xhtml                         AAAA  /signin.xhtml                       AAAA
            /error.xhtml                             PAGE /error.xhtml                          AAAA  /error.xhtml                        XXXX
            /not-configured.xhtml                    PAGE /not-configured.xhtml                 AAAA  /not-configured.xhtml               XXXX
            welcome page                             PAGE /                                     LAAA  /                                   LAAA
            Faces resources                          PAGE /jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga AAAA /jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga XXXX
            favicon                                  PAGE /favicon.ico                          AAAA  /favicon.ico                        XXXX
            unknown page                             PAGE /no-such-page                         LAAA  /no-such-page                       LAAA
            unknown API route                        API  /api/v1/no-such-route                 LAAA  /api/v1/no-such-route               LFAA
            Liberty: metrics                         PAGE /metrics                              AAAA  /metrics                            AAAA
            Liberty: health                          PAGE /health/ready                         AAAA  /health/ready                       AAAA
            Liberty: OpenAPI                         PAGE /openapi                              AAAA  /openapi                            AAAA
            Liberty: OpenAPI UI                      PAGE /openapi/ui/                          AAAA  /openapi/ui/                        AAAA
            not canonical: ../ after sign-in         PAGE /signin.xhtml/../index.xhtml          BBBB  /signin.xhtml/../index.xhtml        BBBB
            not canonical: ../ after resources       PAGE /jakarta.faces.resource/../index.xhtml BBBB /jakarta.faces.resource/../index.xhtml BBBB
            not canonical: encoded letter            API  /simulator/%63ontrol/truth            BBBB  /simulator/%63ontrol/reset          BBBB
            not canonical: ./                        API  /simulator/./control/truth            BBBB  /simulator/./control/reset          BBBB
            not canonical: //                        API  /api//v1/dashboard/summary            BBBB  /api//v1/refresh                    BBBB
            not canonical: ; parameter               PAGE /index.xhtml;x=1                      BBBB  /index.xhtml;x=1                    BBBB
            not canonical: encoded slash             API  /api/v1/dashboard%2Fsummary           BBBB  /api/v1%2Frefresh                   BBBB
            not canonical: encoded dots              PAGE /jakarta.faces.resource/%2e%2e/index.xhtml BBBB /jakarta.faces.resource/%2e%2e/index.xhtml BBBB
            """;

    static final String[] ROLES = {"anonymous", "viewer", "operator", "admin"};
    static final Map<String, String> KEYS = Map.of(
            "viewer", System.getProperty("it.viewer.key", "it-viewer-key"),
            "operator", System.getProperty("it.operator.key", "it-operator-key"),
            "admin", System.getProperty("it.key", "it-secret-key"));

    record Row(String route, boolean api, String getPath, String get, String postPath, String post) {
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, String> sessions = new LinkedHashMap<>();

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Pattern line = Pattern.compile("^(.+?)\\s{2,}(API|PAGE)\\s+(\\S+)\\s+([ALFXB]{4})\\s+(\\S+)\\s+([ALFXB]{4})$");
        for (String text : TABLE.strip().split("\n")) {
            Matcher m = line.matcher(text.strip());
            assertTrue(m.matches(), "table line: " + text);
            rows.add(new Row(m.group(1).trim(), m.group(2).equals("API"), m.group(3), m.group(4), m.group(5), m.group(6)));
        }
        return rows;
    }

    @BeforeAll
    void signInEveryRole() throws Exception {
        for (String role : List.of("viewer", "operator", "admin")) {
            String user = role.equals("admin") ? System.getProperty("it.username", "admin") : role;
            AuthIT.SignInResult result = AuthIT.signIn(http, Api.BASE, user, KEYS.get(role), false);
            assertEquals(302, result.response().statusCode(), "sign-in as " + role);
            sessions.put(role, "JSESSIONID=" + result.sessionAfter());
        }
    }

    @Test
    void everyRouteAndPageIsInTheTable() throws Exception {
        Set<String> inTable = rows().stream().map(Row::route).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String route : apiRoutes()) {
            if (!inTable.contains(route)) {
                missing.add(route);
            }
        }
        for (String page : pages()) {
            if (!inTable.contains(page)) {
                missing.add(page);
            }
        }
        for (String servlet : servlets()) {
            if (!inTable.contains(servlet)) {
                missing.add(servlet);
            }
        }
        assertTrue(missing.isEmpty(), "routes with no row in AuthorizationMatrixIT.TABLE: " + missing);
        Set<String> stale = new TreeSet<>();
        Set<String> known = new TreeSet<>(apiRoutes());
        known.addAll(pages());
        known.addAll(servlets());
        for (Row row : rows()) {
            if (row.route().startsWith("/") && !known.contains(row.route())) {
                stale.add(row.route());
            }
        }
        assertTrue(stale.isEmpty(), "rows for routes that no longer exist: " + stale);
    }

    @Test
    void everyRoleGetsWhatTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < ROLES.length; i++) {
                check(wrong, row, "GET", row.getPath(), ROLES[i], row.get().charAt(i));
                check(wrong, row, "POST", row.postPath(), ROLES[i], row.post().charAt(i));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    }

    private void check(List<String> wrong, Row row, String method, String path, String role, char expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path));
        if (method.equals("POST")) {
            // A content type no route accepts: an allowed POST is refused by the route, never carried out.
            request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("matrix"));
        } else {
            request.GET();
        }
        if (!role.equals("anonymous")) {
            if (row.api()) {
                String user = role.equals("admin") ? System.getProperty("it.username", "admin") : role;
                request.header("Authorization", AuthIT.basic(user, KEYS.get(role)));
            } else {
                request.header("Cookie", sessions.get(role));
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        char actual = outcome(response, expected);
        if (actual != expected) {
            wrong.add(String.format("%-8s %-5s %-45s expected %s, got %s (%d %s)", role, method, path, expected,
                    actual, response.statusCode(), response.headers().firstValue("Location").orElse("")));
        }
    }

    /**
     * What the answer says about the access decision. A 400 is B only where the table expects a refused path (our
     * check answers bad_path JSON; Liberty itself refuses encoded slashes and dots with its 400 page): elsewhere a
     * 400 is the route's own answer to the invalid parameter the table sends.
     */
    static char outcome(HttpResponse<String> response, char expected) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        if (status == 400 && expected == 'B') {
            return 'B';
        }
        if (status == 401 || (status / 100 == 3 && location.contains("/signin.xhtml?"))) {
            return 'L';
        }
        if (status == 403) {
            return 'F';
        }
        if (status == 405) {
            // Refused by the access check (its JSON, or the error page with its text); any other 405 is the
            // route's own answer to a method it does not have.
            String body = response.body();
            return body.contains("\"read_only\"") || body.contains("can only be read") ? 'X' : 'A';
        }
        return 'A';
    }

    /** JAX-RS routes, from the OpenAPI document the server generates from the resources. */
    Set<String> apiRoutes() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/openapi?format=JSON"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject paths;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        return new TreeSet<>(paths.keySet());
    }

    /** Pages: the .xhtml files of the web application outside WEB-INF. */
    static Set<String> pages() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        try (Stream<Path> files = Files.walk(webapp)) {
            return files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/") && !p.startsWith("/resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Servlets: the URL patterns of every @WebServlet, and of every servlet registered in code, in the sources. */
    static Set<String> servlets() throws IOException {
        Pattern annotation = Pattern.compile("@WebServlet\\((?:[^)]*?urlPatterns\\s*=\\s*)?\"([^\"]+)\"|"
                + "\\.addMapping\\(\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Set<String> patterns = new TreeSet<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = annotation.matcher(Files.readString(file));
                while (m.find()) {
                    patterns.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
            return patterns;
        }
    }
}
