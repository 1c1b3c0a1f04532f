package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway's metrics in the application registry (Prometheus names in brackets):
 * <ul>
 *   <li>{@code fleet.portainer.request} timer, tags environment + route, one sample per HTTP request sent
 *       [fleet_portainer_request_seconds_count/_sum/_max]</li>
 *   <li>{@code fleet.portainer.requests} counter, tag environment: HTTP requests sent, retries included
 *       [fleet_portainer_requests_total]</li>
 *   <li>{@code fleet.portainer.errors} counter, tags environment + kind: failed gateway calls (after retries),
 *       rejections by the guard included [fleet_portainer_errors_total]</li>
 *   <li>{@code fleet.portainer.items.skipped} counter, tags environment + route: items of Portainer lists skipped
 *       because they could not be read (the rest of the list is kept) [fleet_portainer_items_skipped_total]</li>
 * </ul>
 * No connections-opened counter: Liberty's MP REST Client (RESTEasy on Apache HttpClient) gives the application no
 * hook into the connection manager or the plain socket factory, so real TCP connects cannot be counted here.
 * Connection reuse is verified in EnvironmentConnectionIT instead (client ports seen by a fake Portainer).
 */
@ApplicationScoped
public class PortainerMetrics {

    static final String REQUEST = "fleet.portainer.request";
    static final String REQUESTS = "fleet.portainer.requests";
    static final String ERRORS = "fleet.portainer.errors";
    static final String ITEMS_SKIPPED = "fleet.portainer.items.skipped";

    @Inject
    MetricRegistry registry;

    /** The per-request metrics, looked up in the registry once per environment (and route), not per request. */
    private final ConcurrentMap<String, Counter> sent = new ConcurrentHashMap<>();
    private final ConcurrentMap<RouteOf, Timer> latency = new ConcurrentHashMap<>();

    private record RouteOf(String environment, Route route) {
    }

    void sent(String environment) {
        sent.computeIfAbsent(environment, e -> registry.counter(REQUESTS, new Tag("environment", e))).inc();
    }

    void latency(String environment, Route route, long nanos) {
        latency.computeIfAbsent(new RouteOf(environment, route), key -> registry.timer(REQUEST,
                new Tag("environment", key.environment()), new Tag("route", key.route().tag())))
                .update(Duration.ofNanos(nanos));
    }

    void skipped(String environment, Route route, int items) {
        if (items > 0) {
            registry.counter(ITEMS_SKIPPED, new Tag("environment", environment), new Tag("route", route.tag()))
                    .inc(items);
        }
    }

    void error(String environment, ErrorKind kind) {
        registry.counter(ERRORS, new Tag("environment", environment),
                new Tag("kind", kind.name().toLowerCase(Locale.ROOT))).inc();
    }
}
