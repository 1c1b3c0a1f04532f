package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.metrics.control.MetricsHistory;
import io.fleetdashboard.metrics.control.MetricsStore;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import io.fleetdashboard.metrics.entity.Severity;
import io.fleetdashboard.metrics.entity.Summary;
import io.fleetdashboard.metrics.entity.Top;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.ChartConfig.Dataset;
import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Metrics page (container-metrics.xhtml): a container's metric over a range as a Chart.js line with anomalies as
 * a second (points only) dataset, its summary, the fleet's top consumers and per-endpoint totals, and an anomalies
 * tab. Thin: reads through {@link MetricsHistory}; the chart JSON comes from {@link ChartConfig} (the container
 * detail view can reuse {@link #chartJson(Series)}).
 */
@Named
@ViewScoped
public class ContainerMetricsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final Map<String, Duration> RANGES = Map.of("1h", Duration.ofHours(1), "6h", Duration.ofHours(6),
            "24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

    @Inject
    MetricsHistory history;

    private String containerKey;
    private String metric = "cpu";
    private String range = "1h";
    private String anomalyRange = "24h";
    private String severity = "";
    private String direction = "";

    private List<SelectItem> containerOptions = List.of();
    private transient Series series;
    private transient Top top;
    private transient List<Anomaly> anomalies;

    @PostConstruct
    void init() {
        List<ContainerRef> known = history.search("", 2000);
        List<SelectItem> options = new ArrayList<>();
        for (ContainerRef c : known) {
            options.add(new SelectItem(c.key(), c.label()));
        }
        containerOptions = options;
        Top current = top();
        if (!current.cpu().isEmpty()) {
            containerKey = current.cpu().get(0).key();
        } else if (!known.isEmpty()) {
            containerKey = known.get(0).key();
        }
    }

    /** Re-reads after a change of container, metric or range. */
    public void show() {
        series = null;
    }

    public void filterAnomalies() {
        anomalies = null;
    }

    public Series getSeries() {
        if (series == null && containerKey != null) {
            Metric m = Metric.parse(metric).orElse(Metric.CPU);
            Instant to = Instant.now();
            series = history.container(containerKey)
                    .map(c -> history.series(c, m, to.minus(RANGES.getOrDefault(range, Duration.ofHours(1))), to,
                            null, null))
                    .orElse(null);
        }
        return series;
    }

    public boolean isHasSeries() {
        return getSeries() != null && !getSeries().points().isEmpty();
    }

    public String getChartJson() {
        Series s = getSeries();
        return s == null ? "" : chartJson(s);
    }

    /** A Chart.js line config: the metric's values, anomalies as red points on the same category axis. */
    public static String chartJson(Series s) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> marks = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (SeriesPoint p : s.points()) {
            times.add(p.at());
        }
        Map<Integer, Double> flagged = new HashMap<>();
        for (Anomaly a : s.anomalies()) {
            int nearest = nearest(times, a.at());
            if (nearest >= 0) {
                flagged.merge(nearest, a.value(), Math::max);
            }
        }
        for (int i = 0; i < s.points().size(); i++) {
            SeriesPoint p = s.points().get(i);
            labels.add(SHORT.format(p.at()));
            values.add(round(p.value()));
            marks.add(flagged.containsKey(i) ? round(flagged.get(i)) : null);
        }
        return ChartConfig.line().labels(labels)
                .dataset(Dataset.of(s.metric() + " (" + s.unit() + ")", values).set("borderColor", "#3b82f6")
                        .set("backgroundColor", "rgba(59,130,246,0.15)").set("fill", true).set("tension", 0.2)
                        .set("pointRadius", 0).set("borderWidth", 2))
                .dataset(Dataset.of("anomalies", marks).set("showLine", false).set("pointRadius", 6)
                        .set("pointStyle", "triangle").color("#dc2626"))
                .noAnimation()
                .set("options.interaction.mode", "index").set("options.interaction.intersect", false)
                .set("options.scales.x.ticks.maxTicksLimit", 8).set("options.scales.y.beginAtZero", true)
                .json();
    }

    private static int nearest(List<Instant> times, Instant at) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < times.size(); i++) {
            long distance = Math.abs(Duration.between(times.get(i), at).toMillis());
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    public Summary getSummary() {
        Series s = getSeries();
        return s == null ? Summary.NONE : s.summary();
    }

    public String getResolution() {
        Series s = getSeries();
        return s == null ? "" : s.resolution();
    }

    public Top top() {
        if (top == null) {
            top = history.top(10);
        }
        return top;
    }

    public Top getTop() {
        return top();
    }

    public List<Anomaly> getAnomalies() {
        if (anomalies == null) {
            Instant to = Instant.now();
            anomalies = history.anomalies(new MetricsStore.AnomalyQuery(
                    to.minus(RANGES.getOrDefault(anomalyRange, Duration.ofHours(24))), to, null, null,
                    severity.isEmpty() ? null : Severity.valueOf(severity),
                    direction.isEmpty() ? null : Direction.valueOf(direction), 500));
        }
        return anomalies;
    }

    public String getSeriesCsvUrl() {
        if (containerKey == null) {
            return "";
        }
        return "api/v1/metrics/containers/" + URLEncoder.encode(containerKey, StandardCharsets.UTF_8) + "?metric="
                + metric + "&from=" + range + "&format=csv";
    }

    public String getAnomaliesCsvUrl() {
        return "api/v1/metrics/anomalies?from=" + anomalyRange + (severity.isEmpty() ? "" : "&severity=" + severity)
                + (direction.isEmpty() ? "" : "&direction=" + direction) + "&format=csv";
    }

    /** Formats a value of the selected metric. */
    public String value(Double v) {
        if (v == null) {
            return "–";
        }
        Metric m = Metric.parse(metric).orElse(Metric.CPU);
        return switch (m.unit()) {
            case "%" -> percent(v);
            case "bytes" -> bytes(v);
            default -> bytes(v) + "/s";
        };
    }

    public String percent(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    public String bytes(Number v) {
        return v == null ? "–" : io.fleetdashboard.ui.Sizes.bytes(v.doubleValue());
    }

    public String rate(Number v) {
        return v == null ? "–" : bytes(v) + "/s";
    }

    public String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public String time(Instant at) {
        return at == null ? "" : FULL.format(at) + " UTC";
    }

    public String metricValue(Anomaly a) {
        return switch (a.metric().unit()) {
            case "%" -> percent(a.value()) + " (expected " + percent(a.expected()) + ")";
            case "bytes" -> bytes(a.value()) + " (expected " + bytes(a.expected()) + ")";
            default -> rate(a.value()) + " (expected " + rate(a.expected()) + ")";
        };
    }

    public List<SelectItem> getContainerOptions() {
        return containerOptions;
    }

    public List<SelectItem> getMetricOptions() {
        List<SelectItem> items = new ArrayList<>();
        for (Metric m : Metric.values()) {
            items.add(new SelectItem(m.apiName(), switch (m) {
                case CPU -> "CPU %";
                case MEMORY -> "Memory used";
                case MEMORY_PERCENT -> "Memory %";
                case NET_RX -> "Network received";
                case NET_TX -> "Network sent";
                case BLOCK_READ -> "Block read";
                case BLOCK_WRITE -> "Block written";
            }));
        }
        return items;
    }

    public List<String> getRangeOptions() {
        return List.of("1h", "6h", "24h", "7d", "30d");
    }

    public String getContainerKey() {
        return containerKey;
    }

    public void setContainerKey(String containerKey) {
        this.containerKey = containerKey;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = Metric.parse(metric).map(Metric::apiName).orElse("cpu");
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = RANGES.containsKey(range) ? range : "1h";
    }

    public String getAnomalyRange() {
        return anomalyRange;
    }

    public void setAnomalyRange(String anomalyRange) {
        this.anomalyRange = RANGES.containsKey(anomalyRange) ? anomalyRange : "24h";
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity == null || !List.of("WARNING", "CRITICAL").contains(severity) ? "" : severity;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction == null || !List.of("UP", "DOWN").contains(direction) ? "" : direction;
    }
}
