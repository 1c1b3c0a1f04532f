package it.io.fleetdashboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Exports of hostile names: every cell a spreadsheet would run as a formula arrives neutralised. */
class CsvExportIT {

    @Test
    void aContainerNamedLikeAFormulaIsTextInTheSeriesExport() {
        String key = "it:csv:" + UUID.randomUUID();
        String name = "=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")";
        // six hours back: outside the top-consumers window other tests read
        Instant at = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        String sample = "{\"containerKey\":\"" + key + "\",\"containerName\":\"" + name + "\",\"endpointKey\":\"it:csv\","
                + "\"endpointName\":\"+cmd|' /C calc'!A0\",\"at\":\"" + at + "\",\"cpuPercent\":-3.5}";
        HttpResponse<String> written = Api.post("/api/v1/metrics/admin/samples", "{\"samples\":[" + sample + "]}");
        assertEquals(200, written.statusCode(), written.body());

        HttpResponse<String> csv = Api.get("/api/v1/metrics/containers/" + URLEncoder.encode(key,
                StandardCharsets.UTF_8) + "?metric=cpu&from=7h&to=5h&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(2, lines.size(), csv.body());
        String row = lines.get(1);
        assertTrue(row.startsWith(at + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+cmd|' /C calc'!A0,"),
                row);
        assertTrue(row.contains(",-3.500,-3.500,-3.500,1"), "negative numbers stay numbers: " + row);
        String disposition = csv.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"[\\w.-]+\""), disposition);
    }

    @Test
    void theSummaryExportHasNoFormulaCells() {
        Api.refresh();
        HttpResponse<String> csv = Api.get("/api/v1/dashboard/summary.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertEquals("Metric,Value", lines.get(0));
        assertTrue(lines.size() > 10, csv.body());
        for (String line : lines) {
            for (String cell : line.split(",", -1)) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+"),
                        "formula-like cell " + cell);
            }
        }
    }
}
