package io.fleetdashboard.api.boundary;

import io.fleetdashboard.auth.entity.AccessDeniedException;
import io.fleetdashboard.database.control.DatabaseTrouble;
import io.fleetdashboard.fleet.control.NoSnapshotYetException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Translates failures into {error, message} JSON once, for the whole API; never a stack trace, and never an
 * exception's own text (parser, SQLite or class names): messages are our sentences, details go to the log.
 */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());
    static final String MALFORMED_BODY = "The request body is not valid JSON of the expected shape.";

    private ApiExceptionMappers() {
    }

    @Provider
    public static class BadRequest implements ExceptionMapper<BadRequestException> {
        @Override
        public Response toResponse(BadRequestException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
        }
    }

    /** A role check inside a resource (CurrentUser.require), behind the access filter's own: 403, like it. */
    @Provider
    public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            return ApiError.response(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
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

    /** JSON-B failures reading a request body (they may arrive bare or wrapped by the JAX-RS runtime). */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformedBody(e);
        }
    }

    /** The runtime's wrapper of body-reading failures; anything that is not about JSON is unexpected. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return aboutJson(e) ? malformedBody(e) : unexpected(e);
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (code == 400 && aboutJson(e)) {
                return malformedBody(e);
            }
            Response.Status status = Response.Status.fromStatusCode(code);
            String reason = status == null ? "HTTP " + code : status.getReasonPhrase();
            String error = reason.toLowerCase(Locale.ROOT).replace(' ', '_');
            String message = switch (code) {
                case 400 -> "The request is malformed: check its parameters and body.";
                case 404 -> "No such resource.";
                case 405 -> "Method not allowed here.";
                case 406 -> "This resource cannot answer in the requested media type.";
                case 415 -> "Unsupported media type: send application/json.";
                default -> reason;
            };
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
            if (aboutJson(e)) {
                return malformedBody(e);
            }
            return unexpected(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    static boolean aboutJson(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    private static Response malformedBody(Throwable e) {
        LOG.log(Level.FINE, "Malformed request body", e);
        return ApiError.response(Response.Status.BAD_REQUEST, "bad_request", MALFORMED_BODY);
    }

    private static Response unexpected(RuntimeException e) {
        java.util.Optional<DatabaseTrouble> database = DatabaseTrouble.of(e);
        if (database.isPresent()) {
            // Our own database refused (locked past the busy timeout, disk full): a 503 that says so, not a 500.
            LOG.log(Level.WARNING, "API request failed on the database ({0}): {1}",
                    new Object[] {database.get().error(), rootMessage(e)});
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE,
                    database.get().error(), database.get().message())).header("Retry-After", "5").build();
        }
        LOG.log(Level.WARNING, "Unexpected API error", e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; the server log has the details.");
    }
}
