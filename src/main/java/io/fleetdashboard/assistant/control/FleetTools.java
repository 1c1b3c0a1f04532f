package io.fleetdashboard.assistant.control;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.assistant.entity.Citation;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.assistant.entity.ToolRequest;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.control.ContainerDetailsReader;
import io.fleetdashboard.containers.entity.ContainerDetails;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.containers.entity.EnvVar;
import io.fleetdashboard.fleet.boundary.ContainerFilter;
import io.fleetdashboard.fleet.boundary.EndpointFilter;
import io.fleetdashboard.fleet.boundary.ImageUsageFilter;
import io.fleetdashboard.fleet.boundary.StackFilter;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.logs.control.ContainerLogReader;
import io.fleetdashboard.logs.control.LogSources;
import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTarget;
import io.fleetdashboard.logs.entity.LogsUnavailableException;
import io.fleetdashboard.logs.entity.StreamChoice;
import io.fleetdashboard.metrics.control.MetricsHistory;
import io.fleetdashboard.metrics.control.MetricsStore;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.Top;
import io.fleetdashboard.metrics.entity.TopConsumer;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The look-ups a model may ask for (chat-completions function calling). They read the fleet snapshot and the
 * dashboard's stores through the same queries as the pages and the JSON API (the list tools take the API's filter
 * parameters, checked the same way), never Portainer on their own: a container's details and recent logs come
 * through the details and logs components, with their short deadlines, masking and permits. Everything is
 * read-only. Each result is bounded (rows, characters, and the share of the context budget it is given, with
 * "N more not shown"), scrubbed of secrets and delimited as data: JSON lines between {@code <tool-data>} tags, with
 * {@code <} and {@code >} escaped, so no name, label or log line can close the data and speak as instructions.
 * Recent logs are offered to, and run for, operators and admins only, as the logs pages.
 */
@ApplicationScoped
public class FleetTools {

    /** Rows per result at most, whatever the budget; a call may ask for fewer. */
    static final int MAX_ROWS = 50;
    static final int DEFAULT_ROWS = 25;
    /** Characters per result at most, whatever the budget. */
    static final int MAX_CHARS = 12_000;
    /** The most of the budget a result takes, whatever a caller offers (the MCP server offers this). */
    public static final int MAX_RESULT_TOKENS = MAX_CHARS / 4;
    static final int MAX_LOG_LINES = 40;
    static final int DEFAULT_LOG_LINES = 30;
    static final int MAX_TEXT = 300;

    /** What a call runs for: the snapshot it reads, the user's role and name, and the question (rows it names). */
    public record Context(FleetSnapshot snapshot, Role role, String username, String question) {
    }

    /** A call's result: the content sent back to the model and what the answer lists as its source. */
    public record Result(String content, ToolCall call) {
    }

    @Inject
    FleetQueries queries;

    @Inject
    ContainerDetailsReader details;

    @Inject
    MetricsHistory metrics;

    @Inject
    LogSources logSources;

    @Inject
    ContainerLogReader logReader;

    /** The tools as chat-completions {@code tools}, for this role (recent_logs only for operators and admins). */
    public static JsonArray definitions(Role role) {
        JsonArrayBuilder tools = Json.createArrayBuilder();
        tools.add(tool("fleet_summary", "Counts of the whole fleet: environments, endpoints online/offline, "
                + "containers by state and health, stacks, images, what needs attention, and how fresh the data is.",
                props()));
        tools.add(tool("list_endpoints", "Endpoints (Docker hosts), filtered like the Edge agents page.",
                props().add("search", textProperty("name, URL, agent version, group or tag (contains)"))
                        .add("environment", textProperty("environment name"))
                        .add("status", choice("online or offline", "online", "offline"))
                        .add("kind", choice("how it is reached", "edge", "agent", "docker", "other"))
                        .add("limit", count())));
        tools.add(tool("list_containers", "Containers, filtered like the Workloads table.",
                props().add("search", textProperty("name or image (contains), id prefix, or a label as key=value"))
                        .add("environment", textProperty("environment name"))
                        .add("endpoint", textProperty("endpoint key, environment:endpointId"))
                        .add("stack", textProperty("compose project name"))
                        .add("state", choice("container state; stopped = any but running", "running", "exited",
                                "restarting", "paused", "created", "dead", "stopped"))
                        .add("health", choice("health check state", "healthy", "unhealthy", "starting", "none"))
                        .add("sort", choice("order", "name", "state", "endpoint", "image", "created", "restarts"))
                        .add("order", choice("direction", "asc", "desc"))
                        .add("limit", count())));
        tools.add(tool("list_stacks", "Stacks (Portainer's and other compose projects), filtered like the stacks "
                + "table.", props().add("search", textProperty("stack name (contains)"))
                .add("environment", textProperty("environment name")).add("endpoint", textProperty("endpoint key"))
                .add("status", choice("active or inactive", "active", "inactive")).add("limit", count())));
        tools.add(tool("list_images", "Distinct images with the endpoints storing them and the containers using them, "
                + "filtered like the Images page.", props().add("search", textProperty("a tag or the id (contains)"))
                .add("environment", textProperty("environment name")).add("endpoint", textProperty("endpoint key"))
                .add("dangling", choice("untagged only", "true", "false"))
                .add("unused", choice("used by no container", "true", "false")).add("limit", count())));
        tools.add(tool("container_details", "One container: state, exit code, restart count, restart policy, health "
                + "check log, image, ports, labels and environment (secret values masked).",
                props().add("container", textProperty("the container's key (environment:endpointId:id) or its name")),
                "container"));
        tools.add(tool("metrics_top", "The containers using the most CPU and memory now, from the metrics store.",
                props().add("limit", count())));
        tools.add(tool("metrics_series_summary", "Summary (current, average, min, max, p95) of one container's metric "
                + "over the last hours, with its anomalies.", props()
                .add("container", textProperty("the container's key or name"))
                .add("metric", choice("which metric", "cpu", "memory", "memory_percent", "net_rx", "net_tx",
                        "block_read", "block_write"))
                .add("hours", Json.createObjectBuilder().add("type", "integer").add("description", "1-168, default 24")),
                "container"));
        tools.add(tool("anomalies", "Metric anomalies the detector flagged (all containers, or one).", props()
                .add("container", textProperty("optional: the container's key or name"))
                .add("hours", Json.createObjectBuilder().add("type", "integer").add("description", "1-168, default 24"))
                .add("limit", count())));
        if (role.includes(Role.OPERATOR)) {
            tools.add(tool("recent_logs", "The last lines of one container's logs (secrets scrubbed).", props()
                    .add("container", textProperty("the container's key or name"))
                    .add("tail", Json.createObjectBuilder().add("type", "integer")
                            .add("description", "lines, 1-" + MAX_LOG_LINES + ", default " + DEFAULT_LOG_LINES)),
                    "container"));
        }
        tools.add(tool("health_alerts", "What needs attention, worst first: failed refreshes, offline endpoints, "
                + "unhealthy, crash-looping and failed containers.", props().add("limit", count())));
        return tools.build();
    }

    /**
     * Runs one call within {@code maxTokens} of the budget. A bad call (unknown tool, malformed arguments, a bad
     * filter value, a container not found, a tool the role may not use) gives a result that says so, for the
     * model to correct; it is never an exception.
     */
    public Result run(ToolRequest request, Context context, int maxTokens) {
        String name = request.name() == null ? "" : request.name();
        String arguments = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
        try {
            Map<String, String> args = arguments(arguments);
            if (context.snapshot() == null && !name.equals("metrics_top") && !name.equals("anomalies")) {
                return refused(name, arguments, "No fleet data yet: the first collection is still running.");
            }
            Listing listing = switch (name) {
                case "fleet_summary" -> summary(context.snapshot());
                case "list_endpoints" -> endpoints(context.snapshot(), args);
                case "list_containers" -> containers(context.snapshot(), args);
                case "list_stacks" -> stacks(context.snapshot(), args);
                case "list_images" -> images(context.snapshot(), args);
                case "container_details" -> containerDetails(context.snapshot(), required(args, "container"));
                case "metrics_top" -> top(args);
                case "metrics_series_summary" -> series(context.snapshot(), args);
                case "anomalies" -> anomalies(context.snapshot(), args);
                case "recent_logs" -> {
                    if (!context.role().includes(Role.OPERATOR)) {
                        throw new BadRequestException("recent_logs is for operators and admins: container logs are "
                                + "not masked, and your role (" + context.role().groupName() + ") may not read them.");
                    }
                    yield logs(context.snapshot(), context.username(), args);
                }
                case "health_alerts" -> alerts(context.snapshot(), args);
                default -> throw new BadRequestException("There is no tool " + MarkdownText.literal(name) + ".");
            };
            int rows = rowLimit(args, name.equals("recent_logs") ? MAX_LOG_LINES : MAX_ROWS);
            return result(name, arguments, listing, context.question(),
                    Math.min(maxTokens, MAX_CHARS / 4), rows);
        } catch (BadRequestException e) {
            return refused(name, arguments, e.getMessage());
        }
    }

    /** A result's rows before trimming: the counts, the rows (name, JSON line, link) and how many matched. */
    record Listing(String counts, List<ContainerRow> rows, int matched) {
    }

    /** A row: its name, its data (made only when the row is considered for sending) and its link. */
    record ContainerRow(String name, java.util.function.Supplier<JsonObject> data, Citation citation,
                        java.util.function.Supplier<JsonObject> shorter) {

        ContainerRow(String name, java.util.function.Supplier<JsonObject> data, Citation citation) {
            this(name, data, citation, null);
        }

        ContainerRow(String name, JsonObject data, Citation citation) {
            this(name, () -> data, citation, null);
        }
    }

    private static Result result(String name, String arguments, Listing listing, String question, int maxTokens,
                                 int maxRows) {
        String open = "<tool-data tool=\"" + name + "\">\n";
        String close = "</tool-data>";
        List<ContextBudget.Row> rows = new ArrayList<>(listing.rows().size());
        for (ContainerRow row : listing.rows()) {
            rows.add(new ContextBudget.Row(row.name(), () -> SecretScrubber.scrub(data(row.data().get())),
                    row.shorter() == null ? null : () -> SecretScrubber.scrub(data(row.shorter().get()))));
        }
        int room = Math.max(64, maxTokens - ContextBudget.tokens(open + close));
        ContextBudget.Trimmed trimmed = ContextBudget.trim(SecretScrubber.scrub(data(listing.counts())), rows,
                question, room, maxRows);
        List<Citation> cited = trimmed.used().stream().map(i -> listing.rows().get(i).citation())
                .filter(java.util.Objects::nonNull).toList();
        return new Result(open + trimmed.text() + close,
                new ToolCall(name, arguments, listing.matched(), trimmed.used().size(), cited));
    }

    private static Result refused(String name, String arguments, String message) {
        return new Result("<tool-error tool=\"" + data(name) + "\">" + data(message) + "</tool-error>",
                new ToolCall(name, arguments, 0, 0, List.of()));
    }

    /** Fleet text as data: JSON-escaped angle brackets, so it cannot close a delimiter. */
    static String data(String text) {
        return text.replace("<", "\\u003c").replace(">", "\\u003e");
    }

    static String data(JsonObject row) {
        return data(row.toString());
    }

    // ---- the tools

    private Listing summary(FleetSnapshot s) {
        StringBuilder counts = new StringBuilder(ModelPrompt.facts(s));
        counts.append("health of running containers: ");
        queries.healthOfRunning(s).forEach((health, n) -> counts.append(health.name().toLowerCase(Locale.ROOT))
                .append(' ').append(n).append("; "));
        counts.append('\n');
        return new Listing(counts.toString(), List.of(new ContainerRow("fleet summary",
                Json.createObjectBuilder().add("summary", "the counts above").build(),
                new Citation("Fleet summary (Home)", "index.xhtml"))), 1);
    }

    private Listing endpoints(FleetSnapshot s, Map<String, String> args) {
        List<FleetEndpoint> found = queries.endpoints(s, EndpointFilter.query(args));
        List<ContainerRow> rows = new ArrayList<>();
        for (FleetEndpoint e : found) {
            JsonObjectBuilder row = Json.createObjectBuilder().add("key", e.key()).add("name", text(e.name()))
                    .add("environment", text(e.environment())).add("online", e.online())
                    .add("containers", e.containers()).add("running", e.running())
                    .add("dataSource", e.dataSource().name().toLowerCase(Locale.ROOT));
            if (e.lastReadAt() != null) {
                row.add("lastReadAt", e.lastReadAt().toString());
            }
            if (e.error() != null) {
                row.add("error", text(String.valueOf(e.error().message())));
            }
            rows.add(new ContainerRow(e.name(), row.build(), new Citation("Endpoint " + e.name(),
                    "workloads.xhtml?endpoint=" + MarkdownText.encode(e.key()))));
        }
        return new Listing(found.size() + " of " + s.endpoints().size() + " endpoints match "
                + described(args) + freshness(s), rows, found.size());
    }

    private Listing containers(FleetSnapshot s, Map<String, String> args) {
        ContainerQuery query = ContainerFilter.query(args);
        List<FleetContainer> found = queries.containers(s, query);
        List<ContainerRow> rows = new ArrayList<>(Math.min(found.size(), 4 * MAX_ROWS));
        for (FleetContainer c : found) {
            rows.add(containerRow(s, c));
        }
        return new Listing(found.size() + " of " + s.containers().size() + " containers match " + described(args)
                + freshness(s), rows, found.size());
    }

    private static ContainerRow containerRow(FleetSnapshot s, FleetContainer c) {
        return new ContainerRow(c.container().name(), () -> containerData(s, c),
                new Citation("Container " + c.container().name(), containerHref(c.key())));
    }

    private static JsonObject containerData(FleetSnapshot s, FleetContainer c) {
        var k = c.container();
        JsonObjectBuilder row = Json.createObjectBuilder().add("key", c.key()).add("name", text(k.name()))
                .add("endpoint", text(c.endpointName())).add("environment", text(c.environment()))
                .add("state", k.state().name().toLowerCase(Locale.ROOT)).add("status", text(k.status()))
                .add("health", k.health().name().toLowerCase(Locale.ROOT)).add("image", text(k.image()));
        if (k.composeProject() != null) {
            row.add("stack", text(k.composeProject()));
        }
        if (k.exitCode() != null) {
            row.add("exitCode", k.exitCode());
        }
        Integer restarts = ContainerQuery.restarts(c, s.inspections());
        if (restarts != null) {
            row.add("restartCount", restarts);
        }
        return row.build();
    }

    private Listing stacks(FleetSnapshot s, Map<String, String> args) {
        List<FleetStack> found = queries.stacks(s, StackFilter.query(args));
        List<ContainerRow> rows = new ArrayList<>();
        for (FleetStack st : found) {
            rows.add(new ContainerRow(st.name(), Json.createObjectBuilder().add("name", text(st.name()))
                    .add("endpoint", text(st.endpointName())).add("environment", text(st.environment()))
                    .add("managedByPortainer", !st.external()).add("active", st.active())
                    .add("containers", st.containers()).add("running", st.running()).build(),
                    new Citation("Stack " + st.name(), "workloads.xhtml?endpoint=" + MarkdownText.encode(st.endpointKey())
                            + "&stack=" + MarkdownText.encode(st.name()))));
        }
        return new Listing(found.size() + " of " + s.stacks().size() + " stacks match " + described(args)
                + freshness(s), rows, found.size());
    }

    private Listing images(FleetSnapshot s, Map<String, String> args) {
        List<ImageUsage> found = queries.imageUsage(s, ImageUsageFilter.query(args));
        List<ContainerRow> rows = new ArrayList<>();
        for (ImageUsage i : found) {
            String tag = i.tags().isEmpty() ? "<none>" : i.tags().get(0);
            JsonArrayBuilder tags = Json.createArrayBuilder();
            i.tags().stream().limit(5).forEach(t -> tags.add(text(t)));
            rows.add(new ContainerRow(tag, Json.createObjectBuilder().add("id", shortId(i.id())).add("tags", tags)
                    .add("sizeBytes", i.size()).add("dangling", i.dangling()).add("endpoints", i.endpoints())
                    .add("containers", i.containers()).add("running", i.running()).build(),
                    new Citation("Image " + tag, "images.xhtml?search=" + MarkdownText.encode(
                            i.tags().isEmpty() ? shortId(i.id()) : tag))));
        }
        return new Listing(found.size() + " distinct images match " + described(args) + freshness(s), rows,
                found.size());
    }

    /** The container's state from the snapshot and, through the details page's reader, Docker's inspect. */
    Listing containerDetails(FleetSnapshot s, String ref) {
        FleetContainer c = container(s, ref);
        ContainerRow summary = containerRow(s, c);
        JsonObjectBuilder row = Json.createObjectBuilder(summary.data().get());
        InspectionFacts facts = s.inspections().get(c.key());
        if (facts != null) {
            row.add("restartCount", facts.restartCount()).add("oomKilled", facts.oomKilled())
                    .add("inspectedExitCode", facts.exitCode()).add("inspectedAt", facts.inspectedAt().toString());
        }
        Optional<ContainerDetails> read;
        try {
            read = ContainerKey.parse(c.key()).flatMap(details::details);
        } catch (PortainerException e) {
            read = Optional.empty();
            row.add("detailsUnavailable", text(e.getMessage()));
        }
        read.ifPresent(d -> {
            row.add("detailsSource", d.live() ? "live from Docker at " + d.readAt() : "fleet snapshot");
            if (d.unavailable() != null) {
                row.add("detailsUnavailable", text(d.unavailable()));
            }
            ContainerInspection i = d.inspection();
            if (i != null) {
                ContainerInspection.RunState st = i.state();
                if (st != null) {
                    row.add("exitCode", st.exitCode()).add("oomKilled", st.oomKilled())
                            .add("restarting", st.restarting()).add("dockerError", text(st.error()));
                    if (st.startedAt() != null) {
                        row.add("startedAt", st.startedAt().toString());
                    }
                    if (st.finishedAt() != null) {
                        row.add("finishedAt", st.finishedAt().toString());
                    }
                }
                row.add("restartCount", i.restartCount()).add("restartPolicy", text(i.restartPolicy()))
                        .add("command", text(i.command()));
                if (i.health() != null) {
                    JsonArrayBuilder probes = Json.createArrayBuilder();
                    i.health().log().forEach(p -> probes.add(Json.createObjectBuilder()
                            .add("at", p.start() == null ? "" : p.start().toString()).add("exitCode", p.exitCode())
                            .add("output", text(p.output()))));
                    row.add("healthCheck", Json.createObjectBuilder()
                            .add("status", i.health().status().name().toLowerCase(Locale.ROOT))
                            .add("failingStreak", i.health().failingStreak()).add("log", probes));
                }
                JsonObjectBuilder labels = Json.createObjectBuilder();
                i.labels().entrySet().stream().limit(20).forEach(l -> labels.add(text(l.getKey()), text(l.getValue())));
                row.add("labels", labels);
                JsonArrayBuilder ports = Json.createArrayBuilder();
                i.ports().stream().limit(20).forEach(p -> ports.add(p.containerPort()
                        + (p.hostPort() == null ? "" : " -> " + p.hostIp() + ":" + p.hostPort())));
                row.add("ports", ports);
            }
            JsonObjectBuilder env = Json.createObjectBuilder();
            // the details page's masking: a secret-looking value never leaves the server
            for (EnvVar v : d.variables().stream().limit(40).toList()) {
                env.add(text(v.name()), v.masked() ? EnvVar.MASK : text(v.value()));
            }
            row.add("environment", env);
        });
        JsonObject full = row.build();
        return new Listing("container " + c.container().name() + " on " + c.endpointName() + freshness(s),
                List.of(new ContainerRow(c.container().name(), () -> full, summary.citation(), () -> essentials(full))),
                1);
    }

    /** Details that fit a small budget: state, exit code, restarts, health and labels; not the rest. */
    static JsonObject essentials(JsonObject details) {
        JsonObjectBuilder row = Json.createObjectBuilder(details).remove("environment").remove("ports")
                .remove("command");
        if (details.get("healthCheck") instanceof JsonObject health && health.get("log") instanceof JsonArray log
                && !log.isEmpty()) {
            row.add("healthCheck", Json.createObjectBuilder(health).add("log", Json.createArrayBuilder()
                    .add(log.get(log.size() - 1))));
        }
        return row.add("leftOut", "environment, ports, command and older health-check results, to fit the budget")
                .build();
    }

    private Listing top(Map<String, String> args) {
        int limit = rowLimit(args, MAX_ROWS);
        Top top = metrics.top(Math.min(limit, 20));
        List<ContainerRow> rows = new ArrayList<>();
        for (TopConsumer t : top.cpu()) {
            rows.add(topRow("cpu", t));
        }
        for (TopConsumer t : top.memory()) {
            rows.add(topRow("memory", t));
        }
        return new Listing("top consumers from each container's latest sample since " + top.since()
                + " (metrics store): " + top.cpu().size() + " by CPU, " + top.memory().size() + " by memory",
                rows, rows.size());
    }

    private static ContainerRow topRow(String by, TopConsumer t) {
        JsonObjectBuilder row = Json.createObjectBuilder().add("by", by).add("key", t.key())
                .add("name", text(t.name())).add("endpoint", text(t.endpointName())).add("at", t.at().toString());
        if (t.cpuPercent() != null) {
            row.add("cpuPercent", round(t.cpuPercent()));
        }
        if (t.memoryBytes() != null) {
            row.add("memoryBytes", t.memoryBytes());
        }
        if (t.memoryPercent() != null) {
            row.add("memoryPercent", round(t.memoryPercent()));
        }
        return new ContainerRow(t.name(), row.build(), new Citation("Metrics of " + t.name(), metricsHref(t.key())));
    }

    private Listing series(FleetSnapshot s, Map<String, String> args) {
        ContainerRef ref = metricsContainer(s, required(args, "container"));
        String metricName = args.getOrDefault("metric", "cpu");
        Metric metric = Metric.parse(metricName).orElseThrow(() -> new BadRequestException("metric must be one of "
                + Stream.of(Metric.values()).map(Metric::apiName).toList() + "."));
        int hours = hours(args);
        Instant to = Instant.now();
        Series series = metrics.series(ref, metric, to.minus(Duration.ofHours(hours)), to, null, null);
        var sum = series.summary();
        JsonObjectBuilder row = Json.createObjectBuilder().add("key", ref.key()).add("name", text(ref.name()))
                .add("metric", metric.apiName()).add("unit", metric.unit()).add("hours", hours)
                .add("samples", sum.samples()).add("anomalies", series.anomalies().size());
        addNumber(row, "current", sum.current());
        addNumber(row, "avg", sum.avg());
        addNumber(row, "min", sum.min());
        addNumber(row, "max", sum.max());
        addNumber(row, "p95", sum.p95());
        return new Listing(metric.apiName() + " of " + ref.name() + " over the last " + hours + " h (metrics store, "
                + series.points().size() + " points)", List.of(new ContainerRow(ref.name(), row.build(),
                new Citation("Metrics of " + ref.name(), metricsHref(ref.key())))), 1);
    }

    private Listing anomalies(FleetSnapshot s, Map<String, String> args) {
        String key = args.containsKey("container") ? metricsContainer(s, args.get("container")).key() : null;
        int hours = hours(args);
        Instant to = Instant.now();
        List<Anomaly> found = metrics.anomalies(new MetricsStore.AnomalyQuery(to.minus(Duration.ofHours(hours)), to,
                key, null, null, null, 500));
        List<ContainerRow> rows = new ArrayList<>();
        for (Anomaly a : found) {
            rows.add(new ContainerRow(a.containerName(), Json.createObjectBuilder().add("key", a.containerKey())
                    .add("name", text(a.containerName())).add("endpoint", text(a.endpointName()))
                    .add("metric", a.metric().apiName()).add("at", a.at().toString()).add("value", round(a.value()))
                    .add("expected", round(a.expected())).add("score", round(a.score()))
                    .add("severity", a.severity().apiName()).build(),
                    new Citation("Metrics of " + a.containerName(), metricsHref(a.containerKey()))));
        }
        return new Listing(found.size() + (found.size() == 500 ? "+" : "") + " anomalies in the last " + hours
                + " h (metrics store), newest first", rows, found.size());
    }

    private Listing logs(FleetSnapshot s, String username, Map<String, String> args) {
        FleetContainer c = container(s, required(args, "container"));
        int tail = intArg(args, "tail", DEFAULT_LOG_LINES, 1, MAX_LOG_LINES);
        ContainerKey key = ContainerKey.parse(c.key()).orElseThrow(() -> new BadRequestException(
                "The container's key cannot be read."));
        List<ContainerRow> rows = new ArrayList<>();
        Citation link = new Citation("Logs of " + c.container().name(), "logs.xhtml?container="
                + MarkdownText.encode(c.key()));
        try {
            LogTarget target = logSources.resolve(key);
            logReader.read(target, new LogRequest(tail, null, true, StreamChoice.BOTH), username, lines -> {
                LogLine line;
                while ((line = lines.next()) != null && rows.size() < MAX_LOG_LINES) {
                    rows.add(new ContainerRow(null, Json.createObjectBuilder()
                            .add("at", line.time() == null ? "" : line.time().toString())
                            .add("stream", line.channel().name().toLowerCase(Locale.ROOT))
                            .add("line", text(line.text())).build(), null));
                }
            });
        } catch (LogsUnavailableException | PortainerException e) {
            throw new BadRequestException("The logs of " + c.container().name() + " cannot be read: "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("The logs of " + c.container().name() + " could not be read now.");
        }
        // the newest lines matter most: they go first, the oldest are the ones trimmed
        java.util.Collections.reverse(rows);
        List<ContainerRow> cited = new ArrayList<>(rows);
        if (!cited.isEmpty()) {
            cited.set(0, new ContainerRow(null, cited.get(0).data(), link));
        }
        return new Listing("the last " + rows.size() + " log lines of " + c.container().name() + " (newest first, "
                + "secrets scrubbed), read now", cited, rows.size());
    }

    private Listing alerts(FleetSnapshot s, Map<String, String> args) {
        List<ContainerRow> rows = new ArrayList<>();
        for (Attention a : s.attention()) {
            JsonObjectBuilder row = Json.createObjectBuilder().add("severity", a.severity().name().toLowerCase(
                    Locale.ROOT)).add("kind", a.kind().name().toLowerCase(Locale.ROOT)).add("title", text(a.title()))
                    .add("detail", text(a.detail())).add("subject", text(a.subject()));
            if (a.restartCount() != null) {
                row.add("restartCount", a.restartCount());
            }
            rows.add(new ContainerRow(a.title(), row.build(), new Citation(a.title(), QuickAnswers.attentionLink(a))));
        }
        int total = s.attentionCounts().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder counts = new StringBuilder(total + " things need attention");
        s.attentionCounts().forEach((kind, n) -> counts.append("; ").append(n).append(' ').append(kind.plural()));
        counts.append(" (at most ").append(FleetSnapshot.ATTENTION_PER_KIND).append(" listed per kind)")
                .append(freshness(s));
        return new Listing(counts.toString(), rows, total);
    }

    // ---- helpers

    /** A container by key, or by name (exactly, case-insensitive; else the first whose name contains it). */
    static FleetContainer container(FleetSnapshot s, String ref) {
        String wanted = ref.strip();
        List<FleetContainer> all = Stream.concat(s.containers().stream(), s.offlineContainers().stream()).toList();
        for (FleetContainer c : all) {
            if (c.key().equals(wanted)) {
                return c;
            }
        }
        String bare = wanted.startsWith("/") ? wanted.substring(1) : wanted;
        FleetContainer partly = null;
        for (FleetContainer c : all) {
            String name = c.container().name();
            if (name != null && name.equalsIgnoreCase(bare)) {
                return c;
            }
            if (partly == null && name != null && bare.length() >= 3
                    && name.toLowerCase(Locale.ROOT).contains(bare.toLowerCase(Locale.ROOT))) {
                partly = c;
            }
        }
        if (partly != null) {
            return partly;
        }
        throw new BadRequestException("No container has the key or name " + MarkdownText.literal(wanted)
                + "; list_containers with a search finds it.");
    }

    private ContainerRef metricsContainer(FleetSnapshot s, String ref) {
        String key = null;
        if (s != null) {
            try {
                key = container(s, ref).key();
            } catch (BadRequestException notInSnapshot) {
                // gone from the fleet: the store may still have it
            }
        }
        Optional<ContainerRef> known = key != null ? metrics.container(key) : metrics.container(ref.strip());
        if (known.isEmpty()) {
            known = metrics.search(ref.strip(), 1).stream().findFirst();
        }
        return known.orElseThrow(() -> new BadRequestException("The metrics store has no samples of "
                + MarkdownText.literal(ref) + "."));
    }

    static Map<String, String> arguments(String json) {
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                throw new BadRequestException("The arguments must be a JSON object.");
            }
            object = o;
        } catch (JsonException e) {
            throw new BadRequestException("The arguments are not valid JSON.");
        }
        Map<String, String> args = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            switch (value.getValueType()) {
                case STRING -> args.put(name, ((JsonString) value).getString());
                case NUMBER -> args.put(name, ((JsonNumber) value).toString());
                case TRUE -> args.put(name, "true");
                case FALSE -> args.put(name, "false");
                case NULL -> { }
                default -> throw new BadRequestException("The argument " + MarkdownText.literal(name)
                        + " must be a string, a number or a boolean.");
            }
        });
        return args;
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("The argument " + name + " is required.");
        }
        return value;
    }

    private static int rowLimit(Map<String, String> args, int max) {
        return intArg(args, "limit", Math.min(DEFAULT_ROWS, max), 1, max);
    }

    private static int hours(Map<String, String> args) {
        return intArg(args, "hours", 24, 1, 168);
    }

    private static int intArg(Map<String, String> args, String name, int defaultValue, int min, int max) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, (int) Double.parseDouble(value.strip())));
        } catch (NumberFormatException e) {
            throw new BadRequestException("The argument " + name + " must be a number.");
        }
    }

    /** The filter arguments as the call gave them, for the counts line. */
    private static String described(Map<String, String> args) {
        Map<String, String> filters = new LinkedHashMap<>(args);
        filters.remove("limit");
        return filters.isEmpty() ? "(no filter)" : "the filter " + text(filters.toString());
    }

    private static String freshness(FleetSnapshot s) {
        Instant asOf = s.freshness().dataAsOf() != null ? s.freshness().dataAsOf() : s.takenAt();
        return "; fleet snapshot, data as of " + asOf + (s.freshness().degraded() ? " (partly stale)" : "")
                + (s.demo() ? " (simulated fleet)" : "");
    }

    /** A fleet text cut to a bounded length, line breaks flattened. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String flat = value.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ");
        return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT) + "…" : flat;
    }

    private static String shortId(String id) {
        String bare = id == null ? "" : id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.substring(0, Math.min(12, bare.length()));
    }

    static String containerHref(String key) {
        return "containers/" + MarkdownText.encode(key);
    }

    static String metricsHref(String key) {
        return "container-metrics.xhtml?container=" + MarkdownText.encode(key);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void addNumber(JsonObjectBuilder row, String name, Double value) {
        if (value != null) {
            row.add(name, round(value));
        }
    }

    private static JsonObjectBuilder props() {
        return Json.createObjectBuilder();
    }

    private static JsonObjectBuilder textProperty(String description) {
        return Json.createObjectBuilder().add("type", "string").add("description", description);
    }

    private static JsonObjectBuilder choice(String description, String... values) {
        JsonArrayBuilder allowed = Json.createArrayBuilder();
        for (String v : values) {
            allowed.add(v);
        }
        return Json.createObjectBuilder().add("type", "string").add("description", description).add("enum", allowed);
    }

    private static JsonObjectBuilder count() {
        return Json.createObjectBuilder().add("type", "integer").add("description",
                "rows at most, 1-" + MAX_ROWS + ", default " + DEFAULT_ROWS);
    }

    private static JsonObject tool(String name, String description, JsonObjectBuilder properties,
                                   String... required) {
        JsonArrayBuilder needed = Json.createArrayBuilder();
        for (String r : required) {
            needed.add(r);
        }
        return Json.createObjectBuilder().add("type", "function").add("function", Json.createObjectBuilder()
                .add("name", name).add("description", description).add("parameters", Json.createObjectBuilder()
                        .add("type", "object").add("properties", properties).add("required", needed))).build();
    }
}
