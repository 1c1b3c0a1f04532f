package bench.io.fleetdashboard.fleet;

import static bench.io.fleetdashboard.Server.median;
import static bench.io.fleetdashboard.Server.millisSince;

import bench.io.fleetdashboard.BenchReport;
import bench.io.fleetdashboard.Server;
import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Figure 3: reading the fleet, warm (heap tier), after a restart (disk tier), rebuilt (cache off), and the audit's
 * file cache. */
public final class CacheFigures {

    private CacheFigures() {
    }

    static double[] timeSummary(int n) {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = Api.get("/api/v1/dashboard/summary");
            millis[i] = millisSince(started);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("summary answered " + response.statusCode());
            }
        }
        return millis;
    }

    /** Everything the audit's cache file held: the endpoint and container lists, as our API lists them. */
    static Path writeBeforeCacheFile() throws IOException {
        JsonArrayBuilder endpoints = Json.createArrayBuilder();
        JsonArrayBuilder containers = Json.createArrayBuilder();
        page("/api/v1/endpoints", endpoints);
        page("/api/v1/containers", containers);
        Path file = BenchReport.DIR.resolve("before-cache.json");
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Json.createWriter(writer).write(Json.createObjectBuilder().add("endpoints", endpoints)
                    .add("containers", containers).build());
        }
        return file;
    }

    private static void page(String path, JsonArrayBuilder into) {
        for (int offset = 0; offset < 200_000; offset += 1000) {
            JsonObject page = Api.object(path + "?limit=1000&offset=" + offset);
            JsonArray items = page.getJsonArray("items");
            items.forEach(into::add);
            if (items.size() < 1000) {
                return;
            }
        }
    }

    /** The audit's read path: take the file lock, read the whole file, parse it, compute the summary counts. */
    static int beforeRead(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read to the end
            }
            JsonObject cache;
            try (var reader = Json.createReader(new ByteArrayInputStream(buffer.array()))) {
                cache = reader.readObject();
            }
            int running = 0;
            for (JsonValue c : cache.getJsonArray("containers")) {
                if ("running".equals(c.asJsonObject().getString("state", ""))) {
                    running++;
                }
            }
            return running + cache.getJsonArray("endpoints").size();
        }
    }

    /** Warm reads, the "before" file cache, and the cost of a rebuild (cache off = a full refresh round trip). */
    public static void warm(double rebuildMillis, boolean targets) throws Exception {
        timeSummary(50); // warm-up
        double summary = median(timeSummary(300));
        HttpClient browser = Server.signedInBrowser();
        Server.timeHome(browser, 20);
        double home = median(Server.timeHome(browser, 100));

        Path file = writeBeforeCacheFile();
        for (int i = 0; i < 3; i++) {
            beforeRead(file); // warm-up: JIT, page cache
        }
        double[] before = new double[15];
        for (int i = 0; i < before.length; i++) {
            long started = System.nanoTime();
            beforeRead(file);
            before[i] = millisSince(started);
        }
        double beforeMedian = median(before);
        long fileBytes = Files.size(file);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scale", "5x200x50");
        p.put("samples", 300);
        p.put("statistic", "median of sequential GETs over HTTP (loopback, Basic auth)");
        p.put("baseline", "audit's file cache re-created in the benchmark JVM: FileChannel.lock(), read and parse "
                + fileBytes + " bytes of JSON, count; no HTTP (favours the baseline)");
        BenchReport.add("summary warm (heap) vs before file cache", "ms", summary, beforeMedian, null, null, null, p);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scale", "5x200x50");
        r.put("baseline", "cache off: a request that must rebuild waits for a full refresh; measured as the "
                + "POST /api/v1/refresh?wait round trip (median of figure 1)");
        BenchReport.add("summary warm (heap) vs rebuild (cache off)", "ms", summary, rebuildMillis, null,
                targets ? ">=100x faster than rebuild" : null, targets ? rebuildMillis / summary >= 100 : null, r);

        Map<String, Object> h = new LinkedHashMap<>();
        h.put("scale", "5x200x50");
        h.put("samples", 100);
        h.put("statistic", "median of sequential signed-in GET /index.xhtml (full page render)");
        h.put("baseline", "cache off: full refresh round trip (figure 1)");
        BenchReport.add("Home page warm (heap) vs rebuild (cache off)", "ms", home, rebuildMillis, null, null, null,
                h);
    }

    /**
     * Restart with the simulator slowed to 2 s per answer, so the first refresh after start-up takes minutes: the
     * first requests are answered from the snapshot the disk tier kept. Run last: the server stays slow.
     */
    public static void afterRestart(double warmSummaryMillis) throws Exception {
        Server.refresh();
        String before = Api.object("/api/v1/dashboard/summary").getString("takenAt");
        Server.control("stop", "");
        Server.control("start", "-Dsimulator.latency.ms=2000");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline) && !answers("/api/v1/me")) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // poll interval of an await
        }
        long started = System.nanoTime();
        JsonObject first = Api.object("/api/v1/dashboard/summary");
        double firstMillis = millisSince(started);
        double next = median(timeSummary(50));
        HttpClient browser = Server.signedInBrowser();
        double[] home = Server.timeHome(browser, 10);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("restart", "bin/server stop + start, simulator latency 2000 ms so no refresh completes meanwhile");
        p.put("firstRequestMillis", firstMillis);
        p.put("servedSnapshotFromBeforeRestart", before.equals(first.getString("takenAt")));
        p.put("refreshingWhileServed", first.getBoolean("refreshing", false));
        p.put("ours", "median of the next 50 summary GETs; the first is in firstRequestMillis");
        p.put("baseline", "warm summary before the restart");
        BenchReport.add("summary after restart (disk tier)", "ms", next, warmSummaryMillis, null, null, null, p);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("firstHomeMillis", home[0]);
        h.put("statistic", "median of the first 10 signed-in Home page GETs after the restart");
        BenchReport.add("Home page after restart (disk tier)", "ms", median(home), null, null, null, null, h);
    }

    private static boolean answers(String path) {
        try {
            return Api.get(path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
