package io.fleetdashboard.portainer.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A failed Portainer call as JSON {"error": kind, "message": safe text}: 504 for timeouts, 503 when the gateway
 * holds calls back (open breaker, full bulkhead), 409 when Docker says the container's state does not allow it,
 * 501 when Docker cannot do it for the container (logs with log driver none),
 * 502 for everything Portainer answered wrongly. No stack traces:
 * the messages are the sentences PortainerErrors composes (environment, route, HTTP status), never a cause's text.
 */
@Provider
public class PortainerExceptionMapper implements ExceptionMapper<PortainerException> {

    @Override
    public Response toResponse(PortainerException exception) {
        int status = switch (exception.kind()) {
            case TIMEOUT -> 504;
            case CIRCUIT_OPEN, OVERLOADED -> 503;
            case CONFLICT -> 409;
            case NOT_SUPPORTED -> 501;
            default -> 502;
        };
        String message = exception.getMessage() == null ? "The Portainer call failed." : exception.getMessage();
        return ApiError.response(Response.Status.fromStatusCode(status),
                exception.kind().name().toLowerCase(Locale.ROOT), message);
    }
}
