package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.logs.entity.LogsUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Logs that cannot be read, as JSON {error, message}: 404 unknown container, 409 endpoint not reachable (offline,
 * async edge) or container dead, 501 log driver none (as Docker answers), 429 too many streams open.
 */
@Provider
public class LogsUnavailableMapper implements ExceptionMapper<LogsUnavailableException> {

    @Override
    public Response toResponse(LogsUnavailableException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case UNREACHABLE, GONE -> 409;
            case NOT_KEPT -> 501;
            case TOO_MANY -> 429;
        };
        return Response.fromResponse(ApiError.response(Response.Status.BAD_REQUEST,
                e.reason().name().toLowerCase(Locale.ROOT), e.getMessage())).status(status).build();
    }
}
