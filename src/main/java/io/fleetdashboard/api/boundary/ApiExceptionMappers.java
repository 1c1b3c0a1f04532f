package io.fleetdashboard.api.boundary;

import io.fleetdashboard.fleet.control.NoSnapshotYetException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Translates failures into {error, message} JSON once, for the whole API; never a stack trace. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    @Provider
    public static class BadRequest implements ExceptionMapper<BadRequestException> {
        @Override
        public Response toResponse(BadRequestException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
        }
    }

    @Provider
    public static class NoSnapshotYet implements ExceptionMapper<NoSnapshotYetException> {
        @Override
        public Response toResponse(NoSnapshotYetException e) {
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "no_snapshot_yet",
                    e.getMessage())).header("Retry-After", "5").build();
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int code = e.getResponse().getStatus();
            Response.Status status = Response.Status.fromStatusCode(code);
            String reason = status == null ? "HTTP " + code : status.getReasonPhrase();
            String error = reason.toLowerCase().replace(' ', '_');
            String message = code == 404 ? "No such resource." : code == 405 ? "Method not allowed here." : reason;
            return Response.status(code).type("application/json").entity(new ApiError(error, message)).build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException web) {
                return new WebApplication().toResponse(web);
            }
            LOG.log(Level.WARNING, "Unexpected API error", e);
            return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                    "Something went wrong on our side; the server log has the details.");
        }
    }
}
