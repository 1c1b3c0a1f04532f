package io.fleetdashboard.logsearch.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A failed log search as JSON {"error": kind, "message": what to do}: 503 when it is not configured or held back,
 * 504 on a time-out, 502 for what Elasticsearch answered wrongly or refused. The messages are our sentences.
 */
@Provider
public class LogSearchExceptionMapper implements ExceptionMapper<LogSearchException> {

    @Override
    public Response toResponse(LogSearchException exception) {
        int status = switch (exception.kind()) {
            case NOT_CONFIGURED, OVERLOADED -> 503;
            case TIMEOUT -> 504;
            default -> 502;
        };
        return ApiError.response(Response.Status.fromStatusCode(status),
                exception.kind().name().toLowerCase(Locale.ROOT), exception.getMessage());
    }
}
