package bench.io.fleetdashboard.metrics;

import static bench.io.fleetdashboard.Server.median;
import static bench.io.fleetdashboard.Server.percentile;

import bench.io.fleetdashboard.BenchReport;
import bench.io.fleetdashboard.Server;
import it.io.fleetdashboard.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 64 concurrent /metrics scrapes (closed loop, anonymous unless the server demands authentication) while a signed-in
 * Home page loads sequentially: the page's latency with and without the storm, and the scrape throughput. Before
 * issue 8 every scrape ran three COUNT(*) scans on the 8-connection JDBC pool; now the store gauge reads cached
 * figures and asks the database at most once per 10 s.
 */
public final class ScrapeFigures {

    static final int SCRAPERS = 64;
    static final int PAGES = 40;
    static final int SEEDED_SAMPLES = 100_000;

    private ScrapeFigures() {
    }

    public static void run() throws Exception {
        long seeded = seed(SEEDED_SAMPLES);
        HttpClient browser = Server.signedInBrowser();
        Server.timeHome(browser, 10); // warm-up
        double[] quiet = Server.timeHome(browser, PAGES);

        HttpClient scrapers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest scrape = scrapeRequest(scrapers);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong pageFailures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(SCRAPERS);
        double[] stormed;
        long started;
        double seconds;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SCRAPERS; i++) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            int status = scrapers.send(scrape, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 200 ? ok : errors).incrementAndGet();
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            // let the storm reach full speed before the page is timed
            Api.await("the first scrapes", Duration.ofSeconds(60), () -> ok.get() + errors.get() >= SCRAPERS);
            ok.set(0);
            errors.set(0);
            started = System.nanoTime();
            stormed = Server.timeHome(browser, PAGES, pageFailures);
            seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scrapers", SCRAPERS);
        p.put("pages", PAGES);
        p.put("seededSamples", seeded);
        p.put("pageFailuresRepeated", pageFailures.get());
        p.put("quietP90Ms", percentile(quiet, 90));
        p.put("stormP90Ms", percentile(stormed, 90));
        p.put("client", "sequential signed-in GET /index.xhtml; scrapers: closed-loop GET /metrics, "
                + scrape.headers().firstValue("Authorization").map(a -> "Basic auth").orElse("anonymous"));
        BenchReport.add("Home page during 64 /metrics scrapers vs quiet", "ms", median(stormed), median(quiet),
                null, null, null, p);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scrapers", SCRAPERS);
        s.put("seconds", Math.round(seconds * 10) / 10.0);
        s.put("scrapes", ok.get());
        s.put("errors", errors.get());
        BenchReport.add("/metrics scrapes during the Home page loads", "req/s", ok.get() / seconds, null, null,
                "0 errors (" + errors.get() + ")", errors.get() == 0, s);
    }

    /** Anonymous, as a Prometheus without credentials scrapes; with Basic auth if the server wants it. */
    private static HttpRequest scrapeRequest(HttpClient client) throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(Api.BASE + "/metrics"))
                .timeout(Duration.ofSeconds(60)).GET().build();
        if (client.send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode() != 401) {
            return anonymous;
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((System.getProperty("it.username", "admin")
                + ":" + System.getProperty("it.key", "it-secret-key")).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(Api.BASE + "/metrics")).header("Authorization", auth)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** Synthetic history through the admin API, so that a full count would have something to scan. */
    static long seed(int samples) {
        long now = System.currentTimeMillis();
        int batch = 5_000;
        for (int from = 0; from < samples; from += batch) {
            StringBuilder json = new StringBuilder("{\"samples\":[");
            for (int i = from; i < Math.min(samples, from + batch); i++) {
                json.append(i == from ? "" : ",").append("{\"containerKey\":\"bench:1:c").append(i % 500)
                        .append("\",\"at\":\"").append(java.time.Instant.ofEpochMilli(now - (i / 500) * 30_000L))
                        .append("\",\"cpuPercent\":").append(i % 100).append(",\"memoryBytes\":").append(i)
                        .append('}');
            }
            HttpResponse<String> written = Api.post("/api/v1/metrics/admin/samples", json.append("]}").toString());
            if (written.statusCode() != 200) {
                throw new IllegalStateException("seeding answered " + written.statusCode() + ": " + written.body());
            }
        }
        return samples;
    }
}
