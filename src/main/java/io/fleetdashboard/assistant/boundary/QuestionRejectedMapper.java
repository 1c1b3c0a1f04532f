package io.fleetdashboard.assistant.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A rejected question as JSON: 404 for a conversation that is not the caller's, 400 otherwise. */
@Provider
public class QuestionRejectedMapper implements ExceptionMapper<QuestionRejectedException> {

    @Override
    public Response toResponse(QuestionRejectedException e) {
        return e.notFound() ? ApiError.response(Response.Status.NOT_FOUND, "no_such_conversation", e.getMessage())
                : ApiError.response(Response.Status.BAD_REQUEST, "bad_question", e.getMessage());
    }
}
