package io.fleetdashboard.tracing.boundary;

import io.fleetdashboard.tracing.control.RequestStatistics;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every request from the outermost filter (mapped first in web.xml, so refused requests count too) until its
 * answer is complete: when the chain returns, or for an asynchronous answer (server-sent events, followed logs)
 * when it completes. The route comes from {@link RouteTemplateFilter} for API requests, else from
 * {@link RouteNames}. Counts into {@link RequestStatistics} (the Tracing page, /metrics).
 */
public class RequestTimingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute that holds the route template of an API request. */
    static final String ROUTE = RequestTimingFilter.class.getName() + ".route";

    @Inject
    transient RequestStatistics statistics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!statistics.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(started));
            } else {
                record(request, failed ? 500 : response.getStatus(), started);
            }
        }
    }

    private void record(HttpServletRequest request, int status, long started) {
        Object template = request.getAttribute(ROUTE);
        String route = template instanceof String t ? t : RouteNames.of(request, status);
        statistics.record(request.getMethod(), route, status, System.nanoTime() - started,
                request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()),
                request.getRemoteUser());
    }

    /** Records an asynchronous answer once, when it completes, times out or fails. */
    private final class Completion implements AsyncListener {
        private final long started;
        private boolean recorded;

        Completion(long started) {
            this.started = started;
        }

        private synchronized void once(AsyncEvent event, Integer status) {
            if (recorded) {
                return;
            }
            recorded = true;
            HttpServletRequest request = (HttpServletRequest) event.getSuppliedRequest();
            HttpServletResponse response = (HttpServletResponse) event.getSuppliedResponse();
            record(request, status != null ? status : response.getStatus(), started);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once(event, null);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            once(event, null);
        }

        @Override
        public void onError(AsyncEvent event) {
            once(event, 500);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // a new asynchronous cycle keeps this listener
        }
    }
}
