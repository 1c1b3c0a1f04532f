package io.fleetdashboard.logsearch.boundary;

import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.logsearch.control.AgentHostnames;
import io.fleetdashboard.logsearch.control.ElasticsearchGateway;
import io.fleetdashboard.logsearch.entity.LogHit;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import io.fleetdashboard.logsearch.entity.LogSearchQuery;
import io.fleetdashboard.logsearch.entity.LogSearchResult;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * The Log search page (log-search.xhtml): the container logs shipped to Elasticsearch, by agent host, container,
 * text and time range. The search runs on a managed thread and the page polls for it, so no request waits on
 * Elasticsearch; the filters are in the URL; the CSV is the API's with the same filters.
 */
@Named
@ViewScoped
public class LogSearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** The ranges offered, as the original offered them (15 min to 7 days). */
    static final Map<String, Duration> RANGES = ranges();

    @Inject
    ElasticsearchGateway gateway;

    @Inject
    Snapshots snapshots;

    private String hostname;
    private String container;
    private boolean exact;
    private String text;
    private String range = "1h";
    private int size = LogSearchQuery.DEFAULT_SIZE;

    private transient CompletableFuture<LogSearchResult> running;
    private LogSearchResult result;
    private String error;

    private static Map<String, Duration> ranges() {
        Map<String, Duration> ranges = new LinkedHashMap<>();
        ranges.put("15m", Duration.ofMinutes(15));
        ranges.put("1h", Duration.ofHours(1));
        ranges.put("6h", Duration.ofHours(6));
        ranges.put("24h", Duration.ofHours(24));
        ranges.put("7d", Duration.ofDays(7));
        return ranges;
    }

    public boolean isConfigured() {
        return gateway.configured();
    }

    /** Where it searches ("logs.example.com"), or why it cannot. */
    public String getWhere() {
        try {
            return gateway.connection().map(c -> c.standIn() ? "the simulator's Elasticsearch stand-in (demo mode)"
                    : c.searchUrl().getHost()).orElse("");
        } catch (LogSearchException misconfigured) {
            return misconfigured.getMessage();
        }
    }

    /** Starts the search on a managed thread; the page polls {@link #isSearching()} until it ends. */
    public void search() {
        error = null;
        result = null;
        Instant to = Instant.now();
        LogSearchQuery query;
        try {
            query = new LogSearchQuery(hostname, container, exact, text,
                    to.minus(RANGES.getOrDefault(range, Duration.ofHours(1))), to,
                    Math.max(1, Math.min(LogSearchQuery.MAX_SIZE, size)));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            return;
        }
        running = gateway.searchAsync(query);
    }

    /** The poll: picks up the finished search. */
    public void collect() {
        CompletableFuture<LogSearchResult> search = running;
        if (search == null || !search.isDone()) {
            return;
        }
        running = null;
        try {
            result = search.join();
        } catch (java.util.concurrent.CompletionException e) {
            error = e.getCause() instanceof LogSearchException failure ? failure.getMessage()
                    : "The log search failed.";
        }
    }

    public void clear() {
        hostname = null;
        container = null;
        exact = false;
        text = null;
        range = "1h";
        size = LogSearchQuery.DEFAULT_SIZE;
        result = null;
        error = null;
        running = null;
    }

    public boolean isSearching() {
        return running != null;
    }

    public List<AgentHostnames.Host> getHosts() {
        return snapshots.ifPresent().map(AgentHostnames::of).orElse(List.of());
    }

    public List<LogHit> getHits() {
        return result == null ? List.of() : result.hits();
    }

    public String getSummary() {
        if (result == null) {
            return "";
        }
        return (result.totalIsLowerBound() ? "More than " : "") + result.total() + " matching line(s), "
                + (result.hits().size() < result.total() ? "the newest " + result.hits().size() + " shown" : "all shown")
                + " · searched " + TIME.format(result.searchedAt()) + " UTC in " + result.tookMillis() + " ms";
    }

    public String time(LogHit hit) {
        return hit.timestamp() == null ? "" : TIME.format(hit.timestamp());
    }

    /** A CSS class for the level: error, warn, info, debug (other levels get none). */
    public String levelClass(LogHit hit) {
        String level = hit.level() == null ? "" : hit.level().toLowerCase(Locale.ROOT);
        return switch (level) {
            case "error", "err", "fatal", "critical", "crit", "panic" -> "level-error";
            case "warn", "warning" -> "level-warn";
            case "debug", "trace" -> "level-debug";
            default -> "level-info";
        };
    }

    /** The filters as a query string for this page's URL and the API (with the range as an age). */
    public String getQueryString() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "hostname", hostname);
        add(query, "container", container);
        if (exact) {
            query.add("exact=true");
        }
        add(query, "text", text);
        add(query, "range", range);
        return query.toString();
    }

    /** GET /api/v1/logs/search?format=csv with the same filters (range sent as from=&lt;age&gt;). */
    public String getCsvQuery() {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("format=csv");
        add(query, "hostname", hostname);
        add(query, "container", container);
        if (exact) {
            query.add("exact=true");
        }
        add(query, "text", text);
        query.add("from=" + (RANGES.containsKey(range) ? range : "1h"));
        query.add("size=" + size);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public List<String> getRanges() {
        return List.copyOf(RANGES.keySet());
    }

    public String rangeLabel(String key) {
        return switch (key) {
            case "15m" -> "Last 15 minutes";
            case "1h" -> "Last hour";
            case "6h" -> "Last 6 hours";
            case "24h" -> "Last 24 hours";
            default -> "Last 7 days";
        };
    }

    public String getError() {
        return error;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname == null || hostname.isBlank() ? null : hostname;
    }

    public String getContainer() {
        return container;
    }

    public void setContainer(String container) {
        this.container = container;
    }

    public boolean isExact() {
        return exact;
    }

    public void setExact(boolean exact) {
        this.exact = exact;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range != null && RANGES.containsKey(range) ? range : "1h";
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }
}
