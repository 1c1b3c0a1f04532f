package it.io.fleetdashboard.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.TestServer;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resilience soak (issue 16, part "faults while loaded"): {@code soak.clients} clients for
 * {@code soak.seconds} on a mix of routes (summary, Home page, Workloads JSON and page with filter/sort/page,
 * container details, a log tail, the assistant's rule answer) while the simulator cycles fault kinds on sim-2 (per
 * server and per endpoint) and a third server is added and removed. Every route reads only containers of sim-1, so
 * none of them needs the failing server: each answer must be 2xx within the bound and never carry a stack trace.
 * After the faults clear, one refresh brings every environment back without an error. Prints {@code [soak]} lines
 * and writes target/soak/faults-under-load.md.
 */
class FaultsUnderLoadSoakIT {

    static final int CLIENTS = Integer.getInteger("soak.clients", 8);
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("soak.seconds", 75));
    /** Longest answer accepted: a page must never wait for a hung Portainer (the gateway deadlines are shorter). */
    static final Duration BOUND = Duration.ofSeconds(Long.getLong("soak.bound.seconds", 20));
    /** How often the server's heap is measured after a full GC while the load runs. */
    static final Duration HEAP_EVERY = Duration.ofSeconds(Long.getLong("soak.heap.every.seconds", 60));
    /** Growth of the heap after full GC allowed between the first sample under load and any later one. */
    static final long HEAP_BOUND_MB = Long.getLong("soak.heap.bound.mb", 64);
    static final List<String> FAULTS = List.of(
            "{\"kind\":\"down\",\"server\":\"sim-2\"}",
            "{\"kind\":\"http_502\",\"server\":\"sim-2\"}",
            "{\"kind\":\"http_500\",\"server\":\"sim-2\",\"endpointIds\":[1,2,3]}",
            "{\"kind\":\"hang\",\"server\":\"sim-2\",\"durationMs\":8000}",
            "{\"kind\":\"truncated_json\",\"server\":\"sim-2\"}",
            "{\"kind\":\"slow_body\",\"server\":\"sim-2\",\"bytesPerSecond\":512}",
            "{\"kind\":\"latency\",\"server\":\"sim-2\",\"latencyMs\":2500}",
            "{\"kind\":\"http_500\",\"server\":\"sim-2\",\"status\":401}",
            "{\"kind\":\"bad_item\",\"server\":\"sim-2\"}");
    static final List<String> ROUTES = List.of("summary", "home page", "workloads json", "workloads page",
            "container details", "log tail", "assistant rule answer");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Sample(String route, String fault, int status, long millis, boolean error, String why) {
    }

    static String session;
    static String key;

    @BeforeAll
    static void healthyFleetAndASession() throws Exception {
        Api.healthyFleet();
        AuthIT.SignInResult signIn = AuthIT.signIn(HTTP, Api.BASE, System.getProperty("it.username", "admin"),
                System.getProperty("it.key", "it-secret-key"), false);
        assertEquals(302, signIn.response().statusCode(), "form sign-in for the page routes");
        session = "JSESSIONID=" + signIn.sessionAfter();
        key = Api.object("/api/v1/containers?environment=sim-1&includeStopped=false&sort=name&limit=1")
                .getJsonArray("items").getJsonObject(0).getString("key");
    }

    @AfterAll
    static void restore() {
        Api.post("/simulator/control/faults", "[]");
        Api.post("/simulator/control/config", Api.DEFAULT_WORLD);
        Api.refresh();
    }

    HttpResponse<String> call(String route, int i) {
        String enc = URLEncoder.encode(key, StandardCharsets.UTF_8);
        String[] sorts = {"name&order=asc", "name&order=desc", "state", "image"};
        HttpRequest.Builder request = switch (route) {
            case "summary" -> basic("/api/v1/dashboard/summary");
            case "home page" -> page("/index.xhtml");
            case "workloads json" -> basic("/api/v1/containers?environment=sim-1&search=e&sort="
                    + sorts[i % sorts.length] + "&limit=25&offset=" + (i % 3) * 25);
            case "workloads page" -> page("/workloads.xhtml?q=e");
            case "container details" -> basic("/api/v1/containers/" + enc);
            case "log tail" -> basic("/api/v1/containers/" + enc + "/logs?tail=50");
            case "assistant rule answer" -> basic("/api/v1/assistant/ask").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"question\":\"How many containers are running?\"}"));
            default -> throw new IllegalArgumentException(route);
        };
        try {
            return HTTP.send(request.timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static HttpRequest.Builder basic(String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((System.getProperty("it.username", "admin") + ":"
                + System.getProperty("it.key", "it-secret-key")).getBytes(StandardCharsets.UTF_8)));
    }

    static HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Cookie", session);
    }

    @Test
    void routesThatDoNotNeedTheFailingServerKeepAnsweringWhileFaultsCycle() throws Exception {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> currentFault = new ConcurrentHashMap<>(Map.of("now", "none"));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger counter = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    int i = counter.getAndIncrement();
                    String route = ROUTES.get(i % ROUTES.size());
                    String fault = currentFault.get("now");
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = call(route, i);
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        String body = response.body();
                        String why = null;
                        if (response.statusCode() / 100 != 2) {
                            why = "status " + response.statusCode() + ": " + abbreviate(body);
                        } else if (body.contains("Exception") && body.contains("\tat ")) {
                            why = "stack trace in the body";
                        }
                        samples.add(new Sample(route, fault, response.statusCode(), ms, why != null, why));
                    } catch (RuntimeException e) {
                        samples.add(new Sample(route, fault, 0, (System.nanoTime() - start) / 1_000_000, true,
                                e.getMessage()));
                    }
                }
            });
        }
        Instant start = Instant.now();
        Instant end = start.plus(LOAD);
        List<String> heap = new ArrayList<>();
        List<Long> heapUnderLoad = new ArrayList<>();
        Instant nextHeap = start.plus(HEAP_EVERY.dividedBy(2));
        long phaseMillis = Math.max(4000, LOAD.toMillis() / (FAULTS.size() + 2));
        int phase = 0;
        boolean thirdServer = false;
        while (Instant.now().isBefore(end)) {
            String rule = FAULTS.get(phase % FAULTS.size());
            currentFault.put("now", describe(rule));
            Api.post("/simulator/control/faults", "[" + rule + "]");
            if (phase % 4 == 2) {
                thirdServer = !thirdServer;
                Api.simulator("config", thirdServer ? "{\"servers\":3}" : "{\"servers\":2}");
            }
            // A refresh round under the fault (the collector also runs on its own schedule).
            Api.post("/api/v1/refresh", null);
            Instant phaseEnd = Instant.now().plusMillis(phaseMillis);
            Api.await("the end of fault phase " + describe(rule), Duration.ofMillis(phaseMillis + 5000),
                    () -> !Instant.now().isBefore(phaseEnd));
            phase++;
            if (!Instant.now().isBefore(nextHeap)) {
                long bytes = TestServer.heapAfterFullGc();
                heapUnderLoad.add(bytes);
                heap.add(Duration.between(start, Instant.now()).toSeconds() + " s: " + (bytes >> 20) + " MiB");
                nextHeap = nextHeap.plus(HEAP_EVERY);
            }
        }
        currentFault.put("now", "cleared");
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(BOUND.toSeconds() + 10, TimeUnit.SECONDS), "clients stopped");

        Api.post("/simulator/control/faults", "[]");
        Api.post("/simulator/control/config", Api.DEFAULT_WORLD);
        JsonObject recovered = Api.refresh();
        List<String> stillFailing = new ArrayList<>();
        for (JsonValue value : recovered.getJsonArray("environments")) {
            JsonObject environment = value.asJsonObject();
            if (environment.containsKey("error") || environment.getInt("endpointErrors", 0) != 0) {
                stillFailing.add(environment.toString());
            }
        }

        long heapAfter = TestServer.heapAfterFullGc();
        heap.add("after the load, faults cleared: " + (heapAfter >> 20) + " MiB");
        Api.await("every log stream of the clients closed", Duration.ofSeconds(30),
                () -> Api.object("/api/v1/logs/streams").getInt("total") == 0);
        String metrics = Api.get("/metrics?scope=application").body();
        java.util.Set<String> configured = new java.util.TreeSet<>();
        Api.json(Api.get("/api/v1/circuits").body()).asJsonArray()
                .forEach(c -> configured.add(c.asJsonObject().getString("environment")));
        java.util.Set<String> gauged = new java.util.TreeSet<>();
        it.io.fleetdashboard.PrometheusSamples.scrape().getOrDefault("fleet_portainer_breaker_state", Map.of())
                .keySet().forEach(labels -> gauged.add(labels.get("environment")));
        String report = report(samples, phase) + "\nHeap after full GC (bound: +" + HEAP_BOUND_MB
                + " MiB over the first sample under load)\n\n" + heap.stream().map(h -> "- " + h + "\n")
                .collect(java.util.stream.Collectors.joining());
        Path dir = Path.of(System.getProperty("soak.dir", "target/soak"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("faults-under-load.md"), report);
        report.lines().forEach(line -> System.out.println("[soak] " + line));
        System.out.println("[soak] breaker lines: " + metrics.lines()
                .filter(line -> line.contains("breaker")).toList());

        List<Sample> errors = samples.stream().filter(Sample::error).toList();
        assertTrue(samples.size() > ROUTES.size(), "the clients ran: " + samples.size());
        assertTrue(errors.isEmpty(), errors.size() + " errors, first: " + errors.stream().limit(5).toList());
        assertTrue(stillFailing.isEmpty(), "one refresh after the faults cleared: " + stillFailing);
        assertTrue(!heapUnderLoad.isEmpty(), "the heap was sampled under load");
        long first = heapUnderLoad.get(0);
        long bound = first + (HEAP_BOUND_MB << 20);
        assertTrue(heapUnderLoad.stream().allMatch(b -> b <= bound) && heapAfter <= bound,
                "heap after full GC stays within " + HEAP_BOUND_MB + " MiB of the first sample: " + heap);
        assertEquals(configured, gauged, "after servers came and went, a breaker series per configured environment");
    }

    static String describe(String rule) {
        JsonObject o = Api.json(rule).asJsonObject();
        String kind = o.getString("kind");
        if (o.containsKey("status")) {
            kind += " (" + o.getInt("status") + ", auth revoked)";
        }
        return kind + (o.containsKey("endpointIds") ? " per endpoint" : " per server");
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    static String report(List<Sample> samples, int phases) {
        return "Faults under load: " + CLIENTS + " clients, " + LOAD.toSeconds() + " s, " + phases
                + " fault phases on sim-2, bound " + BOUND.toSeconds() + " s\n\n"
                + table("Per route", samples, Sample::route) + "\n" + table("Per fault", samples, Sample::fault);
    }

    static String table(String title, List<Sample> samples, java.util.function.Function<Sample, String> by) {
        Map<String, List<Sample>> groups = new TreeMap<>();
        synchronized (samples) {
            for (Sample s : samples) {
                groups.computeIfAbsent(by.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        StringBuilder out = new StringBuilder("| " + title + " | requests | errors | p50 ms | p95 ms | p99 ms |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, list) -> {
            long[] ms = list.stream().mapToLong(Sample::millis).sorted().toArray();
            out.append("| ").append(name).append(" | ").append(list.size()).append(" | ")
                    .append(list.stream().filter(Sample::error).count()).append(" | ").append(pct(ms, 50))
                    .append(" | ").append(pct(ms, 95)).append(" | ").append(pct(ms, 99)).append(" |\n");
        });
        return out.toString();
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
