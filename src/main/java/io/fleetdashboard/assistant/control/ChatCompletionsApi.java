package io.fleetdashboard.assistant.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An OpenAI-compatible {@code chat/completions}, as a MicroProfile REST Client: the base URI is the whole URL
 * (LLM_API_ENDPOINT). The answer is read by {@link ModelGateway}: JSON, or a stream of server-sent events.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
public interface ChatCompletionsApi extends AutoCloseable {

    @POST
    Response complete(@HeaderParam("Authorization") String authorization, String body);
}
