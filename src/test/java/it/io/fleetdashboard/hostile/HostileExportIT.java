package it.io.fleetdashboard.hostile;

import static it.io.fleetdashboard.hostile.HostileWorld.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every export with the hostile world on: each CSV parses as RFC 4180 (quotes, embedded CR/LF), every record has
 * the header's width, the row counts match the JSON API's totals, no cell reaches a spreadsheet as a formula, and
 * the hostile names arrive whole (only the neutralising apostrophe added). Every JSON answer holding hostile text
 * parses and gives the text back unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileExportIT {

    /** What a spreadsheet runs as a formula when a cell starts with it. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n";
    /** A plain decimal number (a spreadsheet reads it as a number, never as a formula). */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @BeforeAll
    void hostileWorldOn() {
        HostileWorld.on();
        assertEquals(200, Api.post("/api/v1/metrics/collect?wait=120", null).statusCode());
        assertEquals(200, Api.post("/api/v1/insights/analyze?wait=120", null).statusCode());
        // an audited action whose target is named like a formula
        HttpResponse<String> restart = Api.post("/api/v1/containers/"
                + enc(HostileWorld.key(HostileWorld.NAMES.get(6))) + "/restart", null);
        assertEquals(200, restart.statusCode(), restart.body());
    }

    @AfterAll
    void hostileWorldOff() {
        HostileWorld.off();
    }

    @Test
    void theFleetExportsHaveEveryHostileNameAsTextAndTheApiCounts() {
        List<List<String>> containers = csv("/api/v1/containers.csv?includeStopped=true");
        assertEquals(total("/api/v1/containers?includeStopped=true&limit=1"), containers.size() - 1);
        int name = containers.get(0).indexOf("container");
        assertTrue(name >= 0, "a container column: " + containers.get(0));
        Set<String> names = new HashSet<>();
        containers.forEach(row -> names.add(row.get(name)));
        for (String hostile : HostileWorld.NAMES) {
            String expected = FORMULA_STARTS.indexOf(hostile.charAt(0)) >= 0 ? "'" + hostile : hostile;
            assertTrue(names.contains(expected), "the name arrives whole: " + printable(expected));
        }

        List<List<String>> stacks = csv("/api/v1/stacks.csv");
        assertEquals(total("/api/v1/stacks?limit=1"), stacks.size() - 1);
        for (String stack : HostileWorld.STACKS) {
            String expected = stack.startsWith("=") ? "'" + stack : stack;
            assertTrue(stacks.stream().anyMatch(row -> row.contains(expected)), "the stack " + printable(expected));
        }
        assertEquals(total("/api/v1/endpoints?limit=1"), csv("/api/v1/endpoints.csv").size() - 1);
        List<List<String>> images = csv("/api/v1/images/distinct.csv");
        assertEquals(total("/api/v1/images/distinct?limit=1"), images.size() - 1);
        assertTrue(images.stream().anyMatch(row -> row.stream().anyMatch(c -> c.startsWith("'=HYPERLINK("))),
                "the formula image tag, neutralised");
        assertEquals(total("/api/v1/networks/connections?includeStopped=true&limit=1"),
                csv("/api/v1/networks/connections.csv?includeStopped=true").size() - 1);
        assertEquals(total("/api/v1/container-health/containers?limit=1"),
                csv("/api/v1/container-health/containers.csv").size() - 1);
        assertTrue(csv("/api/v1/dashboard/summary.csv").size() > 1);
    }

    @Test
    void theMetricsInsightsAuditTracingAndLogSearchExportsAreNeutralised() {
        String key = HostileWorld.key(HostileWorld.NAMES.get(6));
        List<List<String>> series = csv("/api/v1/metrics/containers/" + enc(key) + "?metric=cpu&from=1h&format=csv");
        assertTrue(series.size() > 1, "a sample of the formula container");
        assertTrue(series.get(1).contains("'" + HostileWorld.NAMES.get(6)), printable(series.get(1).toString()));
        csv("/api/v1/metrics/anomalies?from=1h&format=csv");

        assertEquals(total("/api/v1/insights?status=all&limit=1"), csv("/api/v1/insights?status=all&format=csv")
                .size() - 1);
        List<List<String>> audit = csv("/api/v1/audit?format=csv");
        assertTrue(audit.stream().anyMatch(row -> row.contains("'" + HostileWorld.NAMES.get(6))),
                "the restart of the formula container, its name neutralised");
        csv("/api/v1/tracing/routes?format=csv");

        String logs = "/api/v1/logs/search?exact=true&container=" + enc(HostileWorld.NAMES.get(0)) + "&text="
                + enc("window.__pwned") + "&size=1000&from=" + java.time.Instant.now().minusSeconds(3600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "&to=" + java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int hits = Api.object(logs).getJsonArray("hits").size();
        assertTrue(hits > 0, "the hostile log lines are searchable");
        assertEquals(hits, csv(logs + "&format=csv").size() - 1);
    }

    @Test
    void jsonAnswersWithHostileTextParseAndGiveItBackUnchanged() {
        Set<String> listed = new HashSet<>();
        HostileWorld.hostileContainers().forEach(c -> listed.add(c.getString("name")));
        assertEquals(new HashSet<>(HostileWorld.NAMES), listed, "names survive JSON unchanged");
        for (String path : List.of("/api/v1/endpoints?limit=1000", "/api/v1/stacks?limit=1000",
                "/api/v1/images?limit=1000", "/api/v1/images/distinct?limit=1000",
                "/api/v1/networks/connections?includeStopped=true&limit=1000", "/api/v1/networks/topology",
                "/api/v1/container-health/containers?limit=1000", "/api/v1/dashboard/overview",
                "/api/v1/insights?status=all", "/api/v1/audit", "/api/v1/security/posture",
                "/api/v1/metrics/top")) {
            HttpResponse<String> response = Api.get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            Api.json(response.body());
        }
        assertTrue(Api.object("/api/v1/stacks?limit=1000").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getString("name", "").equals(HostileWorld.STACKS.get(0))), "the hostile stack");
        for (String name : HostileWorld.NAMES) {
            String key = HostileWorld.key(name);
            JsonObject details = Api.object("/api/v1/containers/" + enc(key));
            assertEquals(name, details.getJsonObject("summary").getString("name"), "details of " + printable(name));
            assertTrue(details.getJsonArray("variables").toString().contains("HOSTILE_"), "the hostile env");
            HttpResponse<String> text = Api.get("/api/v1/containers/" + enc(key) + "/logs?tail=20&download=true");
            assertEquals(200, text.statusCode());
            assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                    "a log download is never HTML");
            assertEquals("nosniff", text.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    /** GET, 200, text/csv, parsed; fails on a ragged record or a cell a spreadsheet would run. */
    private static List<List<String>> csv(String path) {
        HttpResponse<String> response = Api.get(path, "Accept", "text/csv");
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), path);
        List<List<String>> records = parse(response.body());
        assertFalse(records.isEmpty(), path + ": no header");
        int width = records.get(0).size();
        List<String> wrong = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != width) {
                wrong.add("record " + r + " has " + record.size() + " cells, the header " + width);
            }
            for (String cell : record) {
                if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
                        && !PLAIN_NUMBER.matcher(cell).matches()) {
                    wrong.add("record " + r + ": a formula cell " + printable(cell));
                }
            }
        }
        assertTrue(wrong.isEmpty(), path + ":\n" + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
        return records;
    }

    /** RFC 4180: records end with CRLF (a lone CR or LF inside quotes is data), quotes doubled inside quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                if (cell.length() > 0 || wasQuoted) {
                    throw new AssertionError("a quote inside an unquoted cell at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                records.add(record);
                record = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                throw new AssertionError("a bare line break outside quotes at " + i);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new AssertionError("an unterminated quoted cell");
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return records;
    }

    private static int total(String path) {
        return Api.object(path).getInt("total");
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : (s.length() > 60 ? s.substring(0, 60) + "…" : s).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
