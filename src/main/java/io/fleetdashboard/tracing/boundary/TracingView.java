package io.fleetdashboard.tracing.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.tracing.control.RequestStatistics;
import io.fleetdashboard.tracing.control.RouteQuery;
import io.fleetdashboard.tracing.entity.LatencyPoint;
import io.fleetdashboard.tracing.entity.RouteLatency;
import io.fleetdashboard.tracing.entity.TracingSummary;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.ChartConfig.Dataset;
import io.fleetdashboard.ui.LazyRows;
import io.fleetdashboard.ui.PageParams;
import io.fleetdashboard.ui.QueryString;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The Tracing page (tracing.xhtml, admins): latency percentiles and error rates per route over a window (1, 6, 12
 * or 24 hours within the retention) in a lazy table sorted by {@link RouteQuery}, the timeline of every route, and
 * the recent sampled requests. Its filters live in the URL (a GET form); its JSON twin is GET /api/v1/tracing/*.
 */
@Named
@ViewScoped
public class TracingView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RECENT_ROWS = 50;
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final DateTimeFormatter SINCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STEP_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    RequestStatistics statistics;

    @Inject
    CurrentUser user;

    // URL parameters (f:viewParam)
    private String hours;
    private String method;
    private String search;
    private String errorsOnly;
    private transient TracingSummary summary;

    private final LazyRows<RouteLatency, RouteQuery.Sort, RouteLine> routes = new LazyRows<>(
            (sort, desc) -> statistics.routes(query().withSort(sort, desc)), RouteQuery.Sort.class,
            RouteQuery.Sort.P95, true, RouteLine::new, RouteLine::getKey);

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
    }

    /**
     * Reads the URL's filters once, before the page renders (f:viewAction): what the page does not know is said in
     * a message and dropped (the last hour, every method, every outcome instead).
     */
    public void load() {
        if (hours != null && !hours.isBlank()) {
            Integer wanted = null;
            try {
                wanted = Integer.valueOf(hours.strip());
            } catch (NumberFormatException notANumber) {
                // said below
            }
            if (wanted == null || !getWindows().contains(wanted)) {
                PageParams.ignored("window", hours, "the last hour");
                hours = null;
            }
        }
        if (method != null && !method.isBlank() && !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
            PageParams.ignored("method", method, "every method");
            method = null;
        }
        if (PageParams.yesNo("errors only", errorsOnly) == null) {
            errorsOnly = null;
        }
    }

    RouteQuery query() {
        return new RouteQuery(window(), methodFilter(), search, errorsFilter(), RouteQuery.Sort.P95, true);
    }

    /** The window in hours (1 unless the URL named one of {@link #getWindows()}). */
    public int getWindowHours() {
        return hours == null || hours.isBlank() ? 1 : Integer.parseInt(hours.strip());
    }

    private Duration window() {
        return Duration.ofHours(getWindowHours());
    }

    private String methodFilter() {
        return method == null || method.isBlank() ? null : method.strip().toUpperCase(Locale.ROOT);
    }

    private boolean errorsFilter() {
        return "true".equalsIgnoreCase(errorsOnly == null ? null : errorsOnly.strip());
    }

    /** The windows the page offers: 1, 6, 12 and 24 hours, as far as the retention goes. */
    public List<Integer> getWindows() {
        long retention = statistics.retention().toHours();
        return IntStream.of(1, 6, 12, 24).filter(h -> h <= retention).boxed().toList();
    }

    /** The settings and totals of the window, computed once per view. */
    public TracingSummary getSummary() {
        if (summary == null) {
            summary = statistics.summary(window());
        }
        return summary;
    }

    public LazyRows<RouteLatency, RouteQuery.Sort, RouteLine> getRoutes() {
        return routes;
    }

    public List<RequestLine> getRecent() {
        return statistics.recent(TracingResource.requestFilter(methodFilter(), search, errorsFilter()), RECENT_ROWS)
                .stream().map(RequestLine::new).toList();
    }

    /** The start of the window, "2026-12-03 08:15" (UTC). */
    public String getSince() {
        return SINCE_TIME.format(getSummary().since());
    }

    public String percent(double share) {
        return RouteLine.percent(share);
    }

    public String millis(Double value) {
        return RouteLine.millis(value);
    }

    /** p95 (line) and requests (bars) per step of the window, every route the search keeps. */
    public String getTimelineChart() {
        String part = search;
        List<LatencyPoint> points = statistics.timeline(window(),
                route -> io.fleetdashboard.fleet.control.Listing.matches(part, route));
        return ChartConfig.line().labels(points.stream().map(p -> STEP_TIME.format(p.from())).toList())
                .dataset(Dataset.of("p95 (ms)", points.stream().map(LatencyPoint::p95Millis).toList())
                        .color("#3b82f6").set("yAxisID", "y").set("spanGaps", true).set("pointRadius", 2))
                .dataset(Dataset.of("requests", points.stream().map(LatencyPoint::requests).toList())
                        .color("rgba(148,163,184,0.5)").set("type", "bar").set("yAxisID", "requests"))
                .dataset(Dataset.of("5xx", points.stream().map(LatencyPoint::serverErrors).toList())
                        .color("#dc2626").set("type", "bar").set("yAxisID", "requests"))
                .noAnimation()
                .set("options.interaction.mode", "index").set("options.interaction.intersect", false)
                .set("options.scales.y.beginAtZero", true).set("options.scales.y.title.display", true)
                .set("options.scales.y.title.text", "p95 ms")
                .set("options.scales.requests.position", "right").set("options.scales.requests.beginAtZero", true)
                .set("options.scales.requests.grid.drawOnChartArea", false)
                .set("options.scales.x.ticks.maxTicksLimit", 12)
                .json();
    }

    public String getCsvUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/tracing/routes" + new QueryString().add("hours", getWindowHours())
                .add("method", methodFilter()).add("search", search)
                .add("errorsOnly", errorsFilter() ? "true" : null).add("format", "csv");
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getErrorsOnly() {
        return errorsOnly;
    }

    public void setErrorsOnly(String errorsOnly) {
        this.errorsOnly = errorsOnly;
    }
}
