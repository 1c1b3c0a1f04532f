package io.fleetdashboard.api.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every API error body: a stable machine-readable code and a sentence for people. */
public record ApiError(String error, String message) {

    public static Response response(Response.Status status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, message))
                .build();
    }
}
