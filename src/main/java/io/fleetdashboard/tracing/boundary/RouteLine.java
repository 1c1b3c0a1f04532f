package io.fleetdashboard.tracing.boundary;

import io.fleetdashboard.tracing.entity.RouteLatency;
import java.io.Serializable;
import java.util.Locale;

/** One row of the Tracing page's routes table (JavaBean getters for EL). */
public final class RouteLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RouteLatency route;

    RouteLine(RouteLatency route) {
        this.route = route;
    }

    public String getKey() {
        return route.method() + " " + route.route();
    }

    public String getMethod() {
        return route.method();
    }

    public String getRoute() {
        return route.route();
    }

    public long getRequests() {
        return route.requests();
    }

    public long getErrors() {
        return route.serverErrors();
    }

    public long getClientErrors() {
        return route.clientErrors();
    }

    /** "0.0 %", "12.5 %". */
    public String getErrorRate() {
        return percent(route.errorRate());
    }

    public boolean isFailing() {
        return route.serverErrors() > 0;
    }

    public String getP50() {
        return millis(route.p50Millis());
    }

    public String getP95() {
        return millis(route.p95Millis());
    }

    public String getP99() {
        return millis(route.p99Millis());
    }

    public String getMax() {
        return millis(route.maxMillis());
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** "0.42 ms", "12.3 ms", "1,250 ms"; "—" when unknown. */
    static String millis(Double value) {
        if (value == null) {
            return "—";
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f ms", value);
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f ms", value);
        }
        return String.format(Locale.ROOT, "%,.0f ms", value);
    }
}
