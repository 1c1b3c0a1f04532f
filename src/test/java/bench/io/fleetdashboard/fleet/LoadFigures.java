package bench.io.fleetdashboard.fleet;

import static bench.io.fleetdashboard.Server.millisSince;
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

/** Figure 5: closed-loop load on the summary API and the Home page with 1, 16 and 64 clients, a fixed time each. */
public final class LoadFigures {

    private LoadFigures() {
    }

    record Result(double throughput, double p50, double p99, long requests, long errors) {
    }

    static Result load(HttpClient client, HttpRequest request, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            List<List<Double>> latencies = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<Double> mine = new ArrayList<>();
                latencies.add(mine);
                futures.add(pool.submit(() -> {
                    long ok = 0;
                    long errors = 0;
                    for (int i = 0; i < 1_000_000 && System.nanoTime() < end; i++) {
                        long started = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request,
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200) {
                                ok++;
                                mine.add(millisSince(started));
                            } else {
                                errors++;
                            }
                        } catch (java.io.IOException e) {
                            errors++;
                        }
                    }
                    return new long[] {ok, errors};
                }));
            }
            long ok = 0;
            long errors = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
                ok += r[0];
                errors += r[1];
            }
            double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
            return new Result(ok / (duration.toNanos() / 1e9), percentile(all, 50), percentile(all, 99), ok, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    public static void run(Duration each) throws Exception {
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((System.getProperty("it.username", "admin")
                + ":" + System.getProperty("it.key", "it-secret-key")).getBytes(StandardCharsets.UTF_8));
        HttpRequest summary = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/dashboard/summary"))
                .header("Authorization", auth).timeout(Duration.ofSeconds(30)).GET().build();
        HttpClient browser = Server.signedInBrowser();
        HttpRequest home = Server.homeRequest();
        for (String target : List.of("summary", "Home page")) {
            for (int clients : new int[] {1, 16, 64}) {
                Result r = target.equals("summary") ? load(api, summary, clients, each)
                        : load(browser, home, clients, each);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("clients", clients);
                p.put("seconds", each.toSeconds());
                p.put("p50Ms", r.p50());
                p.put("p99Ms", r.p99());
                p.put("requests", r.requests());
                p.put("errors", r.errors());
                p.put("client", target.equals("summary") ? "GET /api/v1/dashboard/summary, Basic auth"
                        : "signed-in GET /index.xhtml, one session shared by the clients");
                String name = (target.equals("summary") ? "summary" : "Home page") + " load " + clients + " clients";
                BenchReport.add(name + " throughput", "req/s", r.throughput(), null, null,
                        "0 errors (" + r.errors() + ")", r.errors() == 0, p);
                BenchReport.add(name + " p50", "ms", r.p50(), null, null, null, null, Map.of("clients", clients));
                BenchReport.add(name + " p99", "ms", r.p99(), null, null, null, null, Map.of("clients", clients));
            }
        }
    }
}
