package io.fleetdashboard.assistant.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.assistant.entity.ModelException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** A model that could not answer, as JSON: 503 not configured or busy, 504 too slow, 502 otherwise. */
@Provider
public class ModelExceptionMapper implements ExceptionMapper<ModelException> {

    @Override
    public Response toResponse(ModelException e) {
        int status = switch (e.kind()) {
            case NOT_CONFIGURED, OVERLOADED -> 503;
            case TIMEOUT -> 504;
            default -> 502;
        };
        return ApiError.response(Response.Status.fromStatusCode(status), "model_" + e.kind().name()
                .toLowerCase(Locale.ROOT), e.getMessage());
    }
}
