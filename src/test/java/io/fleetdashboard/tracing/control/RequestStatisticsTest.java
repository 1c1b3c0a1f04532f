package io.fleetdashboard.tracing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.tracing.entity.LatencyPoint;
import io.fleetdashboard.tracing.entity.RouteLatency;
import io.fleetdashboard.tracing.entity.TracedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestStatisticsTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-03T08:02:30Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private RequestStatistics statistics;

    @BeforeEach
    void setUp() {
        statistics = new RequestStatistics();
        statistics.clock = clock;
    }

    private void request(String route, long millis, int status) {
        statistics.record("GET", route, status, TimeUnit.MILLISECONDS.toNanos(millis), route, "admin");
    }

    private RouteLatency only(RouteQuery query) {
        List<RouteLatency> routes = statistics.routes(query);
        assertEquals(1, routes.size(), routes.toString());
        return routes.get(0);
    }

    @Test
    void percentilesAreThoseOfEveryRequestWithinOnePercent() {
        for (int ms = 1; ms <= 1000; ms++) {
            request("/api/v1/containers", ms, 200);
        }
        RouteLatency route = only(RouteQuery.LAST_HOUR);
        assertEquals(1000, route.requests());
        assertEquals(500, route.p50Millis(), 5);
        assertEquals(950, route.p95Millis(), 9.5);
        assertEquals(990, route.p99Millis(), 9.9);
        assertEquals(1000, route.maxMillis(), 10);
        assertEquals(0.0, route.errorRate());
    }

    @Test
    void serverErrorsMakeTheErrorRateAndClientErrorsAreCountedApart() {
        for (int i = 0; i < 6; i++) {
            request("/api/v1/refresh", 10, 200);
        }
        request("/api/v1/refresh", 10, 503);
        request("/api/v1/refresh", 10, 500);
        request("/api/v1/refresh", 10, 404);
        request("/api/v1/refresh", 10, 400);
        RouteLatency route = only(RouteQuery.LAST_HOUR);
        assertEquals(10, route.requests());
        assertEquals(2, route.serverErrors());
        assertEquals(2, route.clientErrors());
        assertEquals(0.2, route.errorRate(), 1e-9);
        assertEquals(1, statistics.routes(new RouteQuery(null, null, null, true, null, true)).size(),
                "errors only keeps a route with 5xx");
    }

    @Test
    void aWindowHoldsOnlyItsStepsAndTheRetentionForgetsOlderOnes() {
        request("/old", 100, 200);
        clock.now = clock.now.plus(Duration.ofHours(2));
        request("/new", 5, 200);

        assertEquals(List.of("/new"), statistics.routes(RouteQuery.LAST_HOUR).stream().map(RouteLatency::route)
                .toList(), "the last hour");
        RouteQuery threeHours = new RouteQuery(Duration.ofHours(3), null, null, false, RouteQuery.Sort.ROUTE, false);
        assertEquals(List.of("/new", "/old"), statistics.routes(threeHours).stream().map(RouteLatency::route)
                .toList());
        assertEquals(2, statistics.summary(Duration.ofHours(3)).total().requests());

        clock.now = clock.now.plus(Duration.ofHours(23));
        assertEquals(List.of(), statistics.routes(new RouteQuery(Duration.ofHours(24), null, null, false, null,
                true)).stream().filter(r -> r.route().equals("/old")).toList(), "older than the 24 h retention");
    }

    @Test
    void theTimelineHasOneStepPerFiveMinutesWithGapsWhereNothingHappened() {
        request("/a", 20, 200);
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        request("/a", 40, 500);
        List<LatencyPoint> points = statistics.timeline(Duration.ofHours(1), route -> true);
        assertEquals(12, points.size());
        LatencyPoint last = points.get(11);
        assertEquals(1, last.requests());
        assertEquals(1, last.serverErrors());
        assertEquals(40, last.p95Millis(), 0.4);
        assertNull(points.get(10).p95Millis(), "a step without requests is a gap");
        assertEquals(1, points.get(9).requests());
        assertEquals(Instant.parse("2026-12-03T08:10:00Z"), last.from());
    }

    @Test
    void routesBeyondTheLimitCountTogetherSoNoClientCanGrowTheTable() {
        for (int i = 0; i < RequestStatistics.MAX_ROUTES + 50; i++) {
            request("/route-" + i, 1, 200);
        }
        List<RouteLatency> routes = statistics.routes(RouteQuery.LAST_HOUR);
        assertEquals(RequestStatistics.MAX_ROUTES + 1, routes.size());
        RouteLatency other = routes.stream().filter(r -> r.route().equals(RequestStatistics.OTHER_ROUTE))
                .findFirst().orElseThrow();
        assertEquals(50, other.requests());
    }

    @Test
    void recentRequestsAreSampledBoundedAndNewestFirst() {
        for (int i = 0; i < RequestStatistics.RECENT_CAPACITY + 10; i++) {
            request("/r" + (i % 3), i, i % 10 == 0 ? 500 : 200);
        }
        List<TracedRequest> recent = statistics.recent(r -> true, 5000);
        assertEquals(RequestStatistics.RECENT_CAPACITY, recent.size());
        assertEquals(RequestStatistics.RECENT_CAPACITY + 9.0, recent.get(0).durationMillis(), 0.01, "newest first");
        assertTrue(statistics.recent(TracedRequest::serverError, 1000).stream().allMatch(r -> r.status() == 500));

        statistics.sampleRate = 0.0;
        request("/unsampled", 1, 200);
        assertTrue(statistics.recent(r -> r.route().equals("/unsampled"), 10).isEmpty(), "rate 0 keeps none");
        assertEquals(1, statistics.routes(new RouteQuery(null, null, "/unsampled", false, null, true)).size(),
                "but every request is counted");
    }

    @Test
    void switchedOffNothingIsCounted() {
        statistics.enabled = false;
        request("/a", 1, 200);
        assertEquals(0, statistics.summary(Duration.ofHours(1)).total().requests());
    }

    @Test
    void settingsOutsideTheirRangeAreClamped() {
        statistics.retentionHours = 100;
        statistics.sampleRate = 7;
        assertEquals(Duration.ofHours(24), statistics.retention());
        assertEquals(1.0, statistics.sampleRate());
        statistics.retentionHours = 0;
        statistics.sampleRate = Double.NaN;
        assertEquals(Duration.ofHours(1), statistics.retention());
        assertEquals(1.0, statistics.sampleRate());
    }

    @Test
    void sortsAndFiltersAsTheQuerySays() {
        request("/fast", 1, 200);
        statistics.record("POST", "/slow", 200, TimeUnit.MILLISECONDS.toNanos(900), "/slow", null);
        assertEquals(List.of("/slow", "/fast"), statistics.routes(RouteQuery.LAST_HOUR).stream()
                .map(RouteLatency::route).toList(), "slowest p95 first");
        assertEquals(List.of("/slow"), statistics.routes(new RouteQuery(null, "post", null, false, null, true))
                .stream().map(RouteLatency::route).toList());
        assertEquals(List.of("/fast"), statistics.routes(new RouteQuery(null, null, "FA", false, null, true))
                .stream().map(RouteLatency::route).toList());
    }
}
