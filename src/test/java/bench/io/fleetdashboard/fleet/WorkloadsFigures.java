package bench.io.fleetdashboard.fleet;

import static bench.io.fleetdashboard.Server.millisSince;
import static bench.io.fleetdashboard.Server.percentile;

import bench.io.fleetdashboard.BenchReport;
import bench.io.fleetdashboard.Server;
import it.io.fleetdashboard.Api;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 9: the Workloads page and its API twin at 5 x 200 x 50: the first page, a filter, a sort (each the full
 * page render of a signed-in GET, or one API page of 25 rows), and the CSV of every container streamed.
 */
public final class WorkloadsFigures {

    private static final int WARM_UP = 10;
    private static final int SAMPLES = 60;
    private static final double PAGE_TARGET_MS = 150;

    /** name, page query, API query: the same rows each. */
    private static final String[][] CASES = {
        {"first page", "", "?limit=25"},
        {"a filter (running, search \"web\")", "?state=running&search=web", "?limit=25&state=running&search=web"},
        {"a sort (created, newest first)", "?sort=created&order=desc", "?limit=25&sort=created&order=desc"},
    };

    private WorkloadsFigures() {
    }

    /**
     * Sequential GETs, each one's milliseconds. A GET that fails on the connection (Liberty closes a keep-alive
     * connection after 100 requests, which the JDK client can meet mid-body) is counted in {@code failures} and
     * repeated, at most n times in all.
     */
    private static double[] time(HttpClient client, HttpRequest request, int n, AtomicLong failures)
            throws Exception {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                millis[i] = millisSince(started);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                if (failures.incrementAndGet() > n) {
                    throw e;
                }
                i--;
            }
        }
        return millis;
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static HttpRequest apiGet(String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((System.getProperty(
                        "it.username", "admin") + ":" + System.getProperty("it.key", "it-secret-key"))
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
    }

    public static void run() throws Exception {
        int containers = Api.object("/api/v1/dashboard/summary").getInt("containersTotal");
        HttpClient browser = Server.signedInBrowser();
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (String[] c : CASES) {
            AtomicLong failures = new AtomicLong();
            HttpRequest page = get("/workloads.xhtml" + c[1]);
            time(browser, page, WARM_UP, failures);
            double[] pageMillis = time(browser, page, SAMPLES, failures);
            HttpRequest apiPage = apiGet("/api/v1/containers" + c[2]);
            time(api, apiPage, WARM_UP, failures);
            double[] apiMillis = time(api, apiPage, SAMPLES, failures);

            Map<String, Object> p = parameters(containers);
            p.put("statistic", "p95 of " + SAMPLES + " sequential signed-in GETs (full page render: lazy table's "
                    + "first 25 rows, chart, filter options); p50 " + BenchReport.format(percentile(pageMillis, 50))
                    + " ms");
            p.put("request", "GET /workloads.xhtml" + c[1]);
            p.put("connectionFailuresRepeated", failures.get());
            double p95 = percentile(pageMillis, 95);
            BenchReport.add("Workloads page p95: " + c[0], "ms", p95, null, null, "p95 <= 150 ms",
                    p95 <= PAGE_TARGET_MS, p);

            Map<String, Object> a = parameters(containers);
            a.put("statistic", "p95 of " + SAMPLES + " sequential GETs, HTTP Basic; p50 "
                    + BenchReport.format(percentile(apiMillis, 50)) + " ms");
            a.put("request", "GET /api/v1/containers" + c[2]);
            BenchReport.add("containers API p95: " + c[0], "ms", percentile(apiMillis, 95), null, null, null, null,
                    a);
        }
        csv(api, containers);
    }

    /** Every container as CSV, read as a stream and thrown away; the server's resident memory before and after. */
    private static void csv(HttpClient api, int containers) throws Exception {
        HttpRequest request = apiGet("/api/v1/containers.csv");
        long rssBefore = Server.rssBytes();
        double[] millis = new double[3];
        double[] firstByte = new double[3];
        long rows = 0;
        long bytes = 0;
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = api.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("containers.csv answered " + response.statusCode());
            }
            rows = 0;
            bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                int n = body.read(buffer);
                firstByte[i] = millisSince(started);
                while (n >= 0) {
                    for (int b = 0; b < n; b++) {
                        if (buffer[b] == '\n') {
                            rows++;
                        }
                    }
                    bytes += n;
                    n = body.read(buffer);
                }
            }
            millis[i] = millisSince(started);
        }
        long rssAfter = Server.rssBytes();
        Map<String, Object> p = parameters(containers);
        p.put("statistic", "median of 3 sequential GETs, body read as a stream and discarded");
        p.put("rows", rows - 1);
        p.put("bytes", bytes);
        p.put("firstByteMsMedian", BenchReport.format(percentile(firstByte, 50)));
        p.put("serverRssBeforeMiB", rssBefore >> 20);
        p.put("serverRssAfterMiB", rssAfter >> 20);
        p.put("memory", "the server writes rows to the response as it goes (CsvTable.stream), holding no copy of the"
                + " file; its resident memory before and after the 3 downloads is given for comparison");
        BenchReport.add("containers CSV, every row streamed", "ms", percentile(millis, 50), null, null,
                "every container in the file", rows - 1 == containers, p);
    }

    private static Map<String, Object> parameters(int containers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scale", "5x200x50");
        p.put("containers", containers);
        return p;
    }
}
