package io.fleetdashboard.tracing.boundary;

import io.fleetdashboard.tracing.entity.TracedRequest;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One row of the Tracing page's recent requests (JavaBean getters for EL). */
public final class RequestLine implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TracedRequest request;

    RequestLine(TracedRequest request) {
        this.request = request;
    }

    public String getTime() {
        return TIME.format(request.at());
    }

    public String getMethod() {
        return request.method();
    }

    public String getRoute() {
        return request.route();
    }

    public String getPath() {
        return request.path();
    }

    public int getStatus() {
        return request.status();
    }

    /** The tag colour of the status: danger for 5xx, warning for 4xx. */
    public String getStatusSeverity() {
        return request.status() >= 500 ? "danger" : request.status() >= 400 ? "warning" : "success";
    }

    public String getDuration() {
        return RouteLine.millis(request.durationMillis());
    }

    public String getUser() {
        return request.user() == null ? "anonymous" : request.user();
    }
}
