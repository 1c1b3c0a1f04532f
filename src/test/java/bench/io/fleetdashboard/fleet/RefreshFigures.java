package bench.io.fleetdashboard.fleet;

import static bench.io.fleetdashboard.Server.median;
import static bench.io.fleetdashboard.Server.millisSince;

import bench.io.fleetdashboard.BenchReport;
import bench.io.fleetdashboard.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures 1 and 2: a full fleet refresh, ours (POST /api/v1/refresh?wait) against the audit's sequential,
 * connection-per-request pattern and against the lower bound; and N sequential requests pooled vs not.
 */
public final class RefreshFigures {

    public static final int CONCURRENCY = 16; // portainer.max.concurrency, the server's default
    public static final double LATENCY_MS = 20; // simulator latency mean (20 ms +/- 5 ms uniform jitter)
    static final int PAGE_SIZE = 100; // portainer.page.size

    /** What one measured run of ours looked like. */
    public record Run(double wallMillis, long serverMillis, long requests, long connections, JsonObject counters) {
    }

    private RefreshFigures() {
    }

    public static List<BeforePortainer.Target> targets() {
        List<BeforePortainer.Target> targets = new ArrayList<>();
        for (JsonValue v : Server.servers()) {
            JsonObject s = v.asJsonObject();
            targets.add(new BeforePortainer.Target(s.getString("name"), s.getString("baseUrl"),
                    s.getString("apiKey")));
        }
        return targets;
    }

    static Run ours() {
        Server.resetCounters();
        long started = System.nanoTime();
        JsonObject result = Server.refresh();
        double wall = millisSince(started);
        JsonObject counters = Server.counters();
        return new Run(wall, result.getJsonNumber("durationMillis").longValue(),
                counters.getJsonNumber("requests").longValue(), counters.getJsonNumber("connections").longValue(),
                counters);
    }

    /**
     * Lower bound of a refresh at concurrency C and mean latency L: environments run in parallel, so the bound is
     * the maximum over environments of pages x L + ceil(fan-out calls / C) x L, where pages = ceil(endpoints / 100)
     * (the list is read page by page before the fan-out can start) and fan-out calls = that server's requests in our
     * run minus its list pages and its one stacks call (which overlaps the fan-out).
     */
    static double bound(JsonObject counters, JsonObject truth, Map<String, Object> parameters) {
        Map<String, Integer> endpointsByServer = new HashMap<>();
        for (JsonValue v : truth.getJsonArray("servers")) {
            endpointsByServer.put(v.asJsonObject().getString("name"), v.asJsonObject().getInt("endpointsTotal"));
        }
        double bound = 0;
        long fanOutMax = 0;
        for (JsonValue v : counters.getJsonArray("servers")) {
            JsonObject server = v.asJsonObject();
            int endpoints = endpointsByServer.getOrDefault(server.getString("name"), 0);
            int pages = Math.max(1, (endpoints + PAGE_SIZE - 1) / PAGE_SIZE);
            JsonObject byRoute = server.getJsonObject("byRoute");
            long stacks = byRoute != null && byRoute.containsKey("stacks") ? byRoute.getJsonNumber("stacks")
                    .longValue() : 1;
            long fanOut = server.getJsonNumber("requests").longValue() - pages - stacks;
            fanOutMax = Math.max(fanOutMax, fanOut);
            double perServer = pages * LATENCY_MS + Math.ceil(fanOut / (double) CONCURRENCY) * LATENCY_MS;
            bound = Math.max(bound, perServer);
        }
        parameters.put("boundFormula", "max over environments of (ceil(endpoints/100) + ceil(fanOutCalls/"
                + CONCURRENCY + ")) x " + (int) LATENCY_MS + " ms");
        parameters.put("fanOutCallsLargestEnvironment", fanOutMax);
        return bound;
    }

    /** Figure 1 at one scale; returns our median wall time (the "cache off" cost of a rebuild). */
    public static double refresh(int servers, int endpoints, int containers, int ourRuns, boolean targets) {
        String scale = servers + "x" + endpoints + "x" + containers;
        Server.world(servers, endpoints, containers);
        Server.refresh(); // warm-up: JIT, connection pools, the world's first answers
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < ourRuns; i++) {
            runs.add(ours());
        }
        double[] walls = runs.stream().mapToDouble(Run::wallMillis).toArray();
        double ourWall = median(walls);
        Run typical = runs.stream().filter(r -> r.wallMillis() == ourWall).findFirst().orElse(runs.get(0));
        long ourConnections = typical.connections();
        String connectionsAll = runs.stream().map(r -> Long.toString(r.connections())).toList().toString();
        JsonObject truth = Server.truth();

        List<BeforePortainer.Target> targetList = targets();
        Server.resetCounters();
        BeforePortainer before = new BeforePortainer(false);
        long started = System.nanoTime();
        int beforeContainers = before.refresh(targetList);
        double beforeWall = millisSince(started);
        JsonObject beforeCounters = Server.counters();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("scale", scale);
        parameters.put("latencyMs", "20 +/- 5");
        parameters.put("concurrency", CONCURRENCY);
        parameters.put("ourRuns", ourRuns);
        parameters.put("ourWallMillisAll", java.util.Arrays.toString(walls));
        parameters.put("ourServerDurationMillis", typical.serverMillis());
        parameters.put("ourServerDurationNote", "durationMillis = collection only; the round trip adds assembling"
                + " the snapshot and putting it into the heap and disk tiers");
        double bound = bound(typical.counters(), truth, parameters);
        parameters.put("ourRequests", typical.requests());
        parameters.put("beforeRequests", beforeCounters.getJsonNumber("requests").longValue());
        parameters.put("containersTruth", truth.getInt("containersTotal"));
        parameters.put("containersReadLiveBefore", beforeContainers);
        boolean fast = beforeWall / ourWall >= 10;
        boolean nearBound = ourWall / bound <= 1.5;
        BenchReport.add("refresh " + scale + " wall vs before", "ms", ourWall, beforeWall, null,
                targets ? ">=10x faster than before" : null, targets ? fast : null, parameters);
        BenchReport.add("refresh " + scale + " wall vs bound", "ms", ourWall, null, bound,
                targets ? "<=1.5x the bound" : null, targets ? nearBound : null,
                Map.of("scale", scale, "bound", parameters.get("boundFormula"),
                        "ourServerDurationMillis", typical.serverMillis()));
        long environments = typical.counters().getJsonArray("servers").size();
        long limit = environments * CONCURRENCY;
        BenchReport.add("refresh " + scale + " requests", "requests", typical.requests(),
                (double) beforeCounters.getJsonNumber("requests").longValue(), null, null, null,
                Map.of("scale", scale));
        BenchReport.add("refresh " + scale + " TCP connections", "connections", ourConnections,
                (double) beforeCounters.getJsonNumber("connections").longValue(), (double) limit,
                targets ? "<= environments x " + CONCURRENCY + " = " + limit : null,
                targets ? ourConnections <= limit : null,
                Map.of("scale", scale, "ours", "the median-time run; all runs " + connectionsAll
                                + "; pools warmed once before; pooled connections live 30 s (portainer.connection.ttl)",
                        "bound", "environments x concurrency limit"));
        return ourWall;
    }

    /** Figure 2: the same N sequential requests with the socket kept alive vs a new connection per request. */
    public static void pooling(int n) {
        BeforePortainer.Target target = targets().get(0);
        List<Integer> reachable = new BeforePortainer(true).endpoints(target).stream()
                .filter(BeforePortainer.WireEndpoint::dockerReachable).map(BeforePortainer.WireEndpoint::id)
                .toList();
        double[] walls = new double[2];
        long[] connections = new long[2];
        for (int variant = 0; variant < 2; variant++) {
            boolean pooled = variant == 0;
            BeforePortainer client = new BeforePortainer(pooled);
            client.get(target, "/api/endpoints/" + reachable.get(0) + "/docker/containers/json?all=1"); // warm
            Server.resetCounters();
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                client.get(target, "/api/endpoints/" + reachable.get(i % reachable.size())
                        + "/docker/containers/json?all=1");
            }
            walls[variant] = millisSince(started);
            connections[variant] = Server.counters().getJsonNumber("connections").longValue();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("requests", n);
        parameters.put("request", "GET containers/json?all=1, sequential, one simulated server");
        parameters.put("oursConnections", connections[0]);
        parameters.put("baselineConnections", connections[1]);
        parameters.put("client", "JDK HttpURLConnection both ways: keep-alive reuse vs disconnect() per request");
        BenchReport.add("pooling " + n + " sequential requests", "ms", walls[0], walls[1], n * LATENCY_MS, null,
                null, parameters);
    }
}
