package io.fleetdashboard.alerts.boundary;

import io.fleetdashboard.alerts.entity.AlertRefusedException;
import io.fleetdashboard.api.boundary.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An alerts request that cannot be done: 400 (invalid), 404 (no such thing) or 409 (conflict), with our sentence. */
@Provider
public class AlertRefusedMapper implements ExceptionMapper<AlertRefusedException> {

    @Override
    public Response toResponse(AlertRefusedException e) {
        return switch (e.why()) {
            case INVALID -> ApiError.response(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
            case MISSING -> ApiError.response(Response.Status.NOT_FOUND, "not_found", e.getMessage());
            case CONFLICT -> ApiError.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        };
    }
}
