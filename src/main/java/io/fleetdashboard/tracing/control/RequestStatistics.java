package io.fleetdashboard.tracing.control;

import io.fleetdashboard.tracing.entity.LatencyPoint;
import io.fleetdashboard.tracing.entity.RouteLatency;
import io.fleetdashboard.tracing.entity.TracedRequest;
import io.fleetdashboard.tracing.entity.TracingSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Request tracing: the latency and outcome of every request the server answers, per route, kept in steps of
 * {@link #STEP} for the retention (TRACING_RETENTION_HOURS, at most 24 h), in memory. Each step of a route holds a
 * sparse HDR histogram (a few hundred bytes while few distinct latencies occur), so a window's percentiles are
 * exact to 1 % and windows merge steps. Every request also updates the route's MicroProfile Metrics timer
 * ({@code fleet_http_server_requests_seconds} on /metrics, tags method and route), so Prometheus sees the same.
 * A sample of the requests (TRACING_SAMPLE_RATE) is kept in a bounded list of recent requests. Routes are templates,
 * pages or servlet patterns (never raw paths), and at most {@link #MAX_ROUTES} are told apart.
 */
@ApplicationScoped
public class RequestStatistics {

    /** The width of one histogram step: windows are whole steps, and "the last hour" the last 12 steps. */
    public static final Duration STEP = Duration.ofMinutes(5);
    /** Longer requests are counted as this long (a follow of logs or an event stream can last that long). */
    static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);
    static final int DIGITS = 2;
    static final int MAX_ROUTES = 200;
    public static final String OTHER_ROUTE = "(other routes)";
    static final int RECENT_CAPACITY = 1000;
    static final int MAX_RETENTION_HOURS = 24;

    @Inject
    @ConfigProperty(name = "tracing.enabled", defaultValue = "true")
    boolean enabled = true;

    @Inject
    @ConfigProperty(name = "tracing.retention.hours", defaultValue = "24")
    int retentionHours = MAX_RETENTION_HOURS;

    @Inject
    @ConfigProperty(name = "tracing.sample.rate", defaultValue = "1.0")
    double sampleRate = 1.0;

    @Inject
    @ConfigProperty(name = "tracing.service.name", defaultValue = "fleet-dashboard")
    String service = "fleet-dashboard";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<MetricRegistry> registry;

    Clock clock = Clock.systemUTC();

    private final Instant started = Instant.now();
    private final Map<RouteKey, Series> series = new ConcurrentHashMap<>();
    private final ArrayDeque<TracedRequest> recent = new ArrayDeque<>(RECENT_CAPACITY);

    private record RouteKey(String method, String route) {
    }

    /** One step of one route. */
    private static final class Step {
        final long index;
        final PackedHistogram micros = new PackedHistogram(1, MAX_MICROS, DIGITS);
        long serverErrors;
        long clientErrors;

        Step(long index) {
            this.index = index;
        }
    }

    /** The steps of one route, a ring as long as the retention. */
    private static final class Series {
        final RouteKey key;
        final Step[] steps;
        final Timer timer;

        Series(RouteKey key, int length, Timer timer) {
            this.key = key;
            this.steps = new Step[length];
            this.timer = timer;
        }

        synchronized void add(long index, long micros, int status) {
            int slot = (int) (index % steps.length);
            Step step = steps[slot];
            if (step == null || step.index != index) {
                step = new Step(index);
                steps[slot] = step;
            }
            step.micros.recordValue(Math.max(1, Math.min(micros, MAX_MICROS)));
            if (status >= 500) {
                step.serverErrors++;
            } else if (status >= 400) {
                step.clientErrors++;
            }
        }

        /** Adds the steps with from <= index <= to into the histogram; returns {server errors, client errors}. */
        synchronized long[] addTo(Histogram into, long from, long to) {
            long[] errors = new long[2];
            for (Step step : steps) {
                if (step != null && step.index >= from && step.index <= to) {
                    into.add(step.micros);
                    errors[0] += step.serverErrors;
                    errors[1] += step.clientErrors;
                }
            }
            return errors;
        }

        synchronized boolean emptySince(long from) {
            for (Step step : steps) {
                if (step != null && step.index >= from) {
                    return false;
                }
            }
            return true;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** How long steps are kept: TRACING_RETENTION_HOURS within 1 to 24 hours. */
    public Duration retention() {
        return Duration.ofHours(Math.max(1, Math.min(retentionHours, MAX_RETENTION_HOURS)));
    }

    /** TRACING_SAMPLE_RATE within 0 to 1 (anything unreadable keeps every request). */
    public double sampleRate() {
        return Double.isNaN(sampleRate) ? 1.0 : Math.max(0.0, Math.min(sampleRate, 1.0));
    }

    /**
     * Counts one answered request. Called by the outermost filter once the answer is complete.
     *
     * @param route a template, page or servlet pattern (see RouteNames); never a raw path
     */
    public void record(String method, String route, int status, long nanos, String path, String user) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        long micros = TimeUnit.NANOSECONDS.toMicros(Math.max(0, nanos));
        Series s = series(new RouteKey(method, route));
        s.add(stepIndex(now), micros, status);
        if (s.timer != null) {
            s.timer.update(Duration.ofNanos(Math.max(0, nanos)));
        }
        if (ThreadLocalRandom.current().nextDouble() < sampleRate()) {
            TracedRequest traced = new TracedRequest(now, method, s.key.route(), path, status, micros / 1000.0, user);
            synchronized (recent) {
                if (recent.size() == RECENT_CAPACITY) {
                    recent.removeFirst();
                }
                recent.addLast(traced);
            }
        }
    }

    private Series series(RouteKey key) {
        Series known = series.get(key);
        if (known != null) {
            return known;
        }
        RouteKey kept = series.size() >= MAX_ROUTES ? new RouteKey(key.method(), OTHER_ROUTE) : key;
        return series.computeIfAbsent(kept, k -> new Series(k, (int) (retention().dividedBy(STEP) + 1), timer(k)));
    }

    private Timer timer(RouteKey key) {
        if (registry == null || !registry.isResolvable()) {
            return null;
        }
        return registry.get().timer(Metadata.builder().withName("fleet_http_server_requests")
                        .withDescription("Requests the dashboard answered, by method and route (request tracing)")
                        .build(), new Tag("method", key.method()), new Tag("route", key.route()));
    }

    private static long stepIndex(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), STEP.toMillis());
    }

    /** The whole steps a window spans (at least one, at most the retention). */
    private long steps(Duration window) {
        long wanted = Math.max(1, (window.toMillis() + STEP.toMillis() - 1) / STEP.toMillis());
        return Math.min(wanted, retention().dividedBy(STEP));
    }

    /** Every route with requests in the query's window, filtered and sorted as the query says. */
    public List<RouteLatency> routes(RouteQuery query) {
        long to = stepIndex(clock.instant());
        long from = to - steps(query.window()) + 1;
        List<RouteLatency> routes = new ArrayList<>();
        for (Iterator<Series> it = series.values().iterator(); it.hasNext();) {
            Series s = it.next();
            if (s.emptySince(to - retention().dividedBy(STEP))) {
                it.remove(); // nothing left within the retention
                continue;
            }
            RouteLatency latency = latency(s.key.method(), s.key.route(), List.of(s), from, to);
            if (latency.requests() > 0 && query.matches(latency)) {
                routes.add(latency);
            }
        }
        routes.sort(query.comparator());
        return routes;
    }

    /** The settings, and every route together over the window. */
    public TracingSummary summary(Duration window) {
        Instant now = clock.instant();
        long to = stepIndex(now);
        long steps = steps(window);
        Instant since = Instant.ofEpochMilli((to - steps + 1) * STEP.toMillis());
        return new TracingSummary(enabled, service, since.isBefore(started) ? started : since, now,
                STEP.multipliedBy(steps), STEP, retention(), sampleRate(),
                latency(null, "all routes", List.copyOf(series.values()), to - steps + 1, to));
    }

    /** Requests, server errors and p95 per step of the window, oldest first, for routes the filter keeps. */
    public List<LatencyPoint> timeline(Duration window, Predicate<String> route) {
        long to = stepIndex(clock.instant());
        long steps = steps(window);
        List<Series> kept = series.values().stream().filter(s -> route.test(s.key.route())).toList();
        List<LatencyPoint> points = new ArrayList<>((int) steps);
        for (long index = to - steps + 1; index <= to; index++) {
            RouteLatency step = latency(null, null, kept, index, index);
            points.add(new LatencyPoint(Instant.ofEpochMilli(index * STEP.toMillis()), step.requests(),
                    step.serverErrors(), step.p95Millis()));
        }
        return points;
    }

    /** The recent sampled requests, newest first, that the filter keeps, at most limit of them. */
    public List<TracedRequest> recent(Predicate<TracedRequest> filter, int limit) {
        Instant oldest = clock.instant().minus(retention());
        List<TracedRequest> newestFirst = new ArrayList<>();
        synchronized (recent) {
            for (Iterator<TracedRequest> it = recent.descendingIterator(); it.hasNext() && newestFirst.size() < limit;) {
                TracedRequest request = it.next();
                if (request.at().isBefore(oldest)) {
                    break;
                }
                if (filter.test(request)) {
                    newestFirst.add(request);
                }
            }
        }
        return newestFirst;
    }

    private static RouteLatency latency(String method, String route, List<Series> of, long from, long to) {
        Histogram merged = new Histogram(1, MAX_MICROS, DIGITS);
        long serverErrors = 0;
        long clientErrors = 0;
        for (Series s : of) {
            long[] errors = s.addTo(merged, from, to);
            serverErrors += errors[0];
            clientErrors += errors[1];
        }
        long requests = merged.getTotalCount();
        if (requests == 0) {
            return new RouteLatency(method, route, 0, 0, 0, 0, null, null, null, null);
        }
        return new RouteLatency(method, route, requests, serverErrors, clientErrors,
                (double) serverErrors / requests, millis(merged.getValueAtPercentile(50)),
                millis(merged.getValueAtPercentile(95)), millis(merged.getValueAtPercentile(99)),
                millis(merged.getMaxValue()));
    }

    private static Double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
