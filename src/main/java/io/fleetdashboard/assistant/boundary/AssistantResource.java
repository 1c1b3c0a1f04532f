package io.fleetdashboard.assistant.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.assistant.control.AnswerJson;
import io.fleetdashboard.assistant.control.Assistant;
import io.fleetdashboard.assistant.entity.Answer;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import io.fleetdashboard.assistant.entity.ConversationSummary;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.auth.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The assistant for scripts and tests: ask a question (read-only, so every signed-in role may), list one's
 * conversations, read one of them. Only the caller's own conversations are visible.
 */
@Path("v1/assistant")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AssistantResource {

    /** One turn as the API shows it; the answer's HTML is the sanitised rendering of its Markdown. */
    public record Turn(long id, String role, Instant at, String source, String content, List<ToolCall> toolCalls,
                       List<SentMessage> sent) {

        static Turn of(ConversationMessage m) {
            return new Turn(m.getId(), m.getRole().name().toLowerCase(java.util.Locale.ROOT),
                    Instant.ofEpochMilli(m.getAt()), m.getSource() == null ? null
                    : m.getSource().name().toLowerCase(java.util.Locale.ROOT), m.getContent(),
                    AnswerJson.toolCalls(m.getToolCalls()), AnswerJson.sent(m.getSent()));
        }
    }

    public record ConversationTurns(ConversationSummary conversation, List<Turn> turns) {
    }

    @Inject
    Assistant assistant;

    @Inject
    CurrentUser user;

    @POST
    @Path("ask")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the assistant; {\"question\", \"conversation\"?} → {answer, conversation, toolCalls, sent}")
    public Answer ask(String text) {
        JsonObject body = object(text);
        JsonValue question = body.get("question");
        if (!(question instanceof JsonString asked)) {
            throw new BadRequestException("\"question\" must be a string.");
        }
        Long conversation = null;
        JsonValue id = body.get("conversation");
        if (id != null && id.getValueType() != JsonValue.ValueType.NULL) {
            if (!(id instanceof JsonNumber number) || !number.isIntegral() || number.longValue() <= 0) {
                throw new BadRequestException("\"conversation\" must be the id of one of your conversations.");
            }
            conversation = number.longValue();
        }
        return assistant.ask(user.getName(), user.getRoleName(), asked.getString(), conversation);
    }

    private static JsonObject object(String text) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text == null ? "" : text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (jakarta.json.JsonException e) {
            // answered below
        }
        throw new BadRequestException("Send a JSON object {\"question\": \"…\", \"conversation\": optional id}.");
    }

    @GET
    @Path("conversations")
    @Operation(summary = "The caller's conversations, the most recently active first")
    public List<ConversationSummary> conversations(@QueryParam("limit") String limit) {
        int max = QueryParams.intParam("limit", limit, 50, 1, 500);
        return assistant.history(user.getName(), max).stream().map(ConversationSummary::of).toList();
    }

    @GET
    @Path("conversations/{id}")
    @Operation(summary = "One of the caller's conversations with its turns")
    public ConversationTurns conversation(@PathParam("id") String id) {
        long number = QueryParams.intParam("id", id, 0, 1, Integer.MAX_VALUE);
        var conversation = assistant.conversation(number, user.getName()).orElseThrow(
                () -> new QuestionRejectedException("There is no conversation " + number + " of yours.", true));
        return new ConversationTurns(ConversationSummary.of(conversation),
                assistant.messages(number).stream().map(Turn::of).toList());
    }

    @GET
    @Path("messages/{id}/sent")
    @Operation(summary = "The messages exactly as sent to the model for one answer, as a JSON download")
    public jakarta.ws.rs.core.Response sent(@PathParam("id") String id) {
        long number = QueryParams.intParam("id", id, 0, 1, Integer.MAX_VALUE);
        var message = assistant.message(number, user.getName()).orElseThrow(
                () -> new QuestionRejectedException("There is no answer " + number + " of yours.", true));
        return jakarta.ws.rs.core.Response.ok(AnswerJson.sent(AnswerJson.sent(message.getSent())))
                .header("Content-Disposition", "attachment; filename=\"assistant-sent-" + number + ".json\"")
                .build();
    }

    @Inject
    io.fleetdashboard.assistant.control.AnswerStreams streams;

    /** A started streamed answer: where to follow it. */
    public record Started(String stream, long conversation, String events, String stop) {
    }

    @POST
    @Path("streams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask with a streamed answer: {\"question\", \"conversation\"?} → 202 {stream, conversation}; "
            + "follow GET streams/{stream} (server-sent events), stop with POST streams/{stream}/stop")
    public jakarta.ws.rs.core.Response startStream(String text) {
        JsonObject body = object(text);
        if (!(body.get("question") instanceof JsonString asked)) {
            throw new BadRequestException("\"question\" must be a string.");
        }
        Long conversation = conversationOf(body);
        var stream = streams.start(user.getName(), user.getRoleName(), asked.getString(), conversation);
        return jakarta.ws.rs.core.Response.accepted(new Started(stream.id(), stream.conversation(),
                "api/v1/assistant/streams/" + stream.id(), "api/v1/assistant/streams/" + stream.id() + "/stop"))
                .build();
    }

    @GET
    @Path("streams/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A streamed answer as server-sent events: piece {text}… then end {status, message, conversation}")
    public void follow(@PathParam("id") String id, @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.SseEventSink sink,
                       @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.Sse sse) {
        var stream = streams.find(id, user.getName()).orElseThrow(
                () -> new QuestionRejectedException("There is no streamed answer " + id + " of yours.", true));
        stream.listen(new io.fleetdashboard.assistant.control.AnswerStreams.Listener() {
            @Override
            public void piece(String piece) {
                send(sse.newEventBuilder().name("piece").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(jakarta.json.Json.createObjectBuilder().add("text", piece).build().toString()).build());
            }

            @Override
            public void end(String status, String message) {
                var end = jakarta.json.Json.createObjectBuilder().add("status", status)
                        .add("conversation", stream.conversation());
                if (message != null) {
                    end.add("message", message);
                }
                send(sse.newEventBuilder().name("end").data(end.build().toString()).build());
                sink.close();
            }

            private void send(jakarta.ws.rs.sse.OutboundSseEvent event) {
                if (sink.isClosed()) {
                    stream.unlisten(this);
                    return;
                }
                try {
                    sink.send(event).toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stream.unlisten(this);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // the browser went away: the answer goes on and is kept in the conversation
                    stream.unlisten(this);
                    sink.close();
                }
            }
        });
    }

    @POST
    @Path("streams/{id}/stop")
    @Operation(summary = "Stop a streamed answer of yours; what arrived is kept, marked stopped")
    public java.util.Map<String, Boolean> stop(@PathParam("id") String id) {
        return java.util.Map.of("stopped", streams.stop(id, user.getName()));
    }

    private static Long conversationOf(JsonObject body) {
        JsonValue id = body.get("conversation");
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(id instanceof JsonNumber number) || !number.isIntegral() || number.longValue() <= 0) {
            throw new BadRequestException("\"conversation\" must be the id of one of your conversations.");
        }
        return number.longValue();
    }
}
