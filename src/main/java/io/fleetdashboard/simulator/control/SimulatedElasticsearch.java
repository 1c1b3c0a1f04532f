package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * An Elasticsearch {@code _search} stand-in on its own loopback port, answering the queries the dashboard's log
 * search sends (through Kibana's proxy in a real installation) over the container logs of the simulated world: the
 * same deterministic lines as {@code containers/{id}/logs}, shipped as a log shipper would (Filebeat's ECS fields:
 * {@code @timestamp}, {@code message}, {@code container.name/id/image.name}, {@code host.hostname} = the host part of
 * the endpoint's URL, {@code log.level}, {@code data_stream.dataset = docker-container_logs}).
 * <p>
 * Understood: {@code size}, {@code query.bool.must/filter} with {@code exists}, {@code term} (on the
 * {@code .keyword} fields), {@code prefix}, {@code match_phrase} on {@code message} (case-insensitive) and
 * {@code range} on {@code @timestamp}; results newest first. {@code Authorization: ApiKey <key>} and a
 * {@code kbn-xsrf} header are required (401 and 400 otherwise, as Kibana answers). Each container is scanned back
 * at most {@link #SCAN_PER_CONTAINER} lines from the end of the range, so {@code hits.total} may be a lower bound.
 */
final class SimulatedElasticsearch {

    private static final Logger LOG = Logger.getLogger(SimulatedElasticsearch.class.getName());
    static final int SCAN_PER_CONTAINER = 20_000;
    static final String DATASET = "docker-container_logs";

    private final Simulation simulation;
    private final String apiKey;
    private final LoopbackHttp http;

    SimulatedElasticsearch(Simulation simulation, String apiKey) {
        this.simulation = simulation;
        this.apiKey = apiKey;
        this.http = new LoopbackHttp(simulation, this::handle);
    }

    String searchUrl() {
        return http.url("/logs-docker/_search");
    }

    String apiKey() {
        return apiKey;
    }

    void bind() throws IOException {
        http.bind();
        LOG.fine(() -> "Elasticsearch stand-in listening on " + searchUrl());
    }

    void unbind() {
        http.unbind();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("ApiKey " + apiKey).equals(auth)) {
            reply(exchange, 401, error("security_exception", "unable to authenticate with provided credentials"));
            return;
        }
        if (exchange.getRequestHeaders().getFirst("kbn-xsrf") == null) {
            reply(exchange, 400, error("bad_request", "Request must contain a kbn-xsrf header."));
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().endsWith("/_search")) {
            reply(exchange, 404, error("not_found", "no handler for " + exchange.getRequestURI().getPath()));
            return;
        }
        try {
            JsonObject request = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                    .readObject();
            reply(exchange, 200, search(request));
        } catch (JsonException | ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            reply(exchange, 400, error("parsing_exception", "could not read the query: " + e.getMessage()));
        }
    }

    /** One document found: its time and its _source. */
    private record Hit(long millis, JsonObject source) {
    }

    JsonObject search(JsonObject request) {
        long started = System.nanoTime();
        int size = Math.max(0, Math.min(10_000, request.getInt("size", 10)));
        Criteria criteria = Criteria.of(request.getJsonObject("query"));
        long now = simulation.now();
        long from = criteria.from == null ? 0 : criteria.from;
        long to = criteria.to == null ? now : Math.min(criteria.to, now);
        List<Hit> hits = new ArrayList<>();
        int total = 0;
        boolean lowerBound = false;
        World world = simulation.world();
        for (SimWorldServer s : world.servers()) {
            for (SimEndpoint e : s.endpoints()) {
                String host = hostname(e);
                if (!criteria.host(host)) {
                    continue;
                }
                for (SimContainer c : e.containers()) {
                    if (!criteria.container(c.name)) {
                        continue;
                    }
                    ContainerRuntime rt = world.runtimeAt(c, now);
                    long end = Math.min(to, rt.state().equals("running") || rt.state().equals("paused") ? now
                            : Math.max(rt.finishedAt(), c.created));
                    int found = 0;
                    long k = lastLineAtOrBefore(c, end);
                    int scanned = 0;
                    for (; k >= 0 && scanned < SCAN_PER_CONTAINER; k--, scanned++) {
                        long at = LogStream.time(c, k);
                        if (at < from) {
                            break;
                        }
                        String line = LogStream.line(c, k);
                        if (!criteria.message(line)) {
                            continue;
                        }
                        total++;
                        if (found < size) {
                            hits.add(new Hit(at, source(c, host, at, line)));
                            found++;
                        }
                    }
                    // stopped at the cap with lines of the range left unread: the total is a lower bound
                    lowerBound |= scanned == SCAN_PER_CONTAINER && k >= 0 && LogStream.time(c, k) >= from;
                }
            }
        }
        hits.sort(Comparator.comparingLong(Hit::millis).reversed());
        JsonArrayBuilder out = Json.createArrayBuilder();
        int n = 0;
        for (Hit hit : hits) {
            if (n++ >= size) {
                break;
            }
            out.add(Json.createObjectBuilder().add("_index", ".ds-logs-docker-default").add("_id",
                    Long.toHexString(hit.source().hashCode() & 0xFFFFFFFFL) + Long.toHexString(hit.millis()))
                    .add("_score", JsonValue.NULL).add("_source", hit.source())
                    .add("sort", Json.createArrayBuilder().add(hit.millis())));
        }
        return Json.createObjectBuilder().add("took", (System.nanoTime() - started) / 1_000_000).add("timed_out",
                false).add("hits", Json.createObjectBuilder()
                .add("total", Json.createObjectBuilder().add("value", total).add("relation", lowerBound ? "gte" : "eq"))
                .add("max_score", JsonValue.NULL).add("hits", out)).build();
    }

    private static long lastLineAtOrBefore(SimContainer c, long end) {
        long period = c.logPeriodSeconds * 1000L;
        if (end < c.created + 1000L) {
            return -1;
        }
        long k = (end - c.created - 1000L) / period;
        while (k >= 0 && LogStream.time(c, k) > end) {
            k--;
        }
        return k;
    }

    /** host.hostname as a shipper on that host reports it: the host part of the endpoint's URL, else its name. */
    static String hostname(SimEndpoint e) {
        String url = e.url() == null ? "" : e.url();
        try {
            String host = URI.create(url.contains("://") ? url : "tcp://" + url).getHost();
            return host == null || host.isBlank() ? e.name() : host;
        } catch (IllegalArgumentException notAUrl) {
            return e.name();
        }
    }

    private static JsonObject source(SimContainer c, String host, long at, String line) {
        return Json.createObjectBuilder()
                .add("@timestamp", Instant.ofEpochMilli(at).toString())
                .add("message", line)
                .add("container", Json.createObjectBuilder().add("name", c.name).add("id", c.id)
                        .add("image", Json.createObjectBuilder().add("name", c.image.repoTag())))
                .add("host", Json.createObjectBuilder().add("hostname", host).add("name", host))
                .add("log", Json.createObjectBuilder().add("level", level(line)))
                .add("data_stream", Json.createObjectBuilder().add("dataset", DATASET).add("type", "logs"))
                .build();
    }

    static String level(String line) {
        int space = line.indexOf(' ');
        String first = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        return switch (first) {
            case "error", "warn", "info", "debug", "fatal" -> first;
            default -> "info";
        };
    }

    private static JsonObject error(String type, String reason) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("type", type)
                .add("reason", reason)).add("status", 400).build();
    }

    private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What the query asks for, reduced to the fields the stand-in knows. */
    private static final class Criteria {
        String hostExact;
        String containerExact;
        String containerPrefix;
        String phrase;
        Long from;
        Long to;
        boolean impossible;

        static Criteria of(JsonObject query) {
            Criteria c = new Criteria();
            if (query == null) {
                return c;
            }
            JsonObject bool = query.getJsonObject("bool");
            if (bool == null) {
                c.clause(query);
                return c;
            }
            for (String part : List.of("must", "filter")) {
                JsonValue clauses = bool.get(part);
                if (clauses instanceof JsonArray list) {
                    list.forEach(v -> c.clause(v.asJsonObject()));
                } else if (clauses instanceof JsonObject one) {
                    c.clause(one);
                }
            }
            return c;
        }

        void clause(JsonObject clause) {
            clause.forEach((kind, body) -> {
                JsonObject spec = body.asJsonObject();
                switch (kind) {
                    case "exists" -> {
                        String field = spec.getString("field");
                        impossible |= !List.of("container.name", "message", "@timestamp", "host.hostname")
                                .contains(field);
                    }
                    case "term" -> spec.forEach((field, v) -> term(field, value(v)));
                    case "prefix" -> spec.forEach((field, v) -> {
                        if (field.equals("container.name.keyword") || field.equals("container.name")) {
                            containerPrefix = value(v);
                        } else {
                            impossible = true;
                        }
                    });
                    case "match_phrase" -> spec.forEach((field, v) -> {
                        if (field.equals("message")) {
                            phrase = value(v).toLowerCase(Locale.ROOT);
                        } else {
                            impossible = true;
                        }
                    });
                    case "range" -> {
                        JsonObject range = spec.getJsonObject("@timestamp");
                        if (range == null) {
                            impossible = true;
                        } else {
                            from = range.containsKey("gte") ? Instant.parse(range.getString("gte")).toEpochMilli() : from;
                            to = range.containsKey("lte") ? Instant.parse(range.getString("lte")).toEpochMilli() : to;
                        }
                    }
                    default -> throw new IllegalArgumentException("unsupported query clause " + kind);
                }
            });
        }

        private void term(String field, String value) {
            switch (field) {
                case "host.hostname.keyword", "host.hostname" -> hostExact = value;
                case "container.name.keyword", "container.name" -> containerExact = value;
                case "data_stream.dataset" -> impossible |= !DATASET.equals(value);
                default -> impossible = true;
            }
        }

        private static String value(JsonValue v) {
            if (v instanceof JsonObject o) {
                JsonValue inner = o.containsKey("value") ? o.get("value") : o.get("query");
                return inner instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(inner);
            }
            return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
        }

        boolean host(String host) {
            return !impossible && (hostExact == null || hostExact.equals(host));
        }

        boolean container(String name) {
            return (containerExact == null || containerExact.equals(name))
                    && (containerPrefix == null || name.startsWith(containerPrefix));
        }

        boolean message(String line) {
            return phrase == null || line.toLowerCase(Locale.ROOT).contains(phrase);
        }
    }
}
