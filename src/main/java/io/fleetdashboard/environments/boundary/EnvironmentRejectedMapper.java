package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused environment change as JSON: 400 bad_request, 404 not_found, 409 conflict, with our sentence. */
@Provider
public class EnvironmentRejectedMapper implements ExceptionMapper<EnvironmentRejected> {

    @Override
    public Response toResponse(EnvironmentRejected e) {
        return switch (e.why()) {
            case INVALID -> ApiError.response(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
            case NOT_FOUND -> ApiError.response(Response.Status.NOT_FOUND, "not_found", e.getMessage());
            case CONFLICT -> ApiError.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        };
    }
}
