package io.fleetdashboard.assistant.control;

import io.fleetdashboard.config.control.RestClientSlot;
import io.fleetdashboard.assistant.entity.ModelException;
import io.fleetdashboard.assistant.entity.ModelException.Kind;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one way to the model: one pooled REST client per connection, the answer streamed (server-sent events) and
 * read incrementally, each piece handed to the caller as it arrives; fault tolerance in {@link ModelCalls}; failures
 * as {@link ModelException} with our sentence; the time of every call in {@code fleet_assistant_model_request}
 * by outcome. The token is sent only in the Authorization header and never logged.
 */
@ApplicationScoped
public class ModelGateway {

    private static final Logger LOG = Logger.getLogger(ModelGateway.class.getName());
    /** A streamed answer longer than this is cut (a runaway model cannot fill the memory). */
    static final int MAX_ANSWER_CHARS = 64_000;
    static final int MAX_LINE_CHARS = 1_000_000;

    @Inject
    ModelSettings settings;

    @Inject
    ModelCalls calls;

    @Inject
    MetricRegistry registry;

    private final RestClientSlot<ModelSettings.Connection, ChatCompletionsApi> client =
            new RestClientSlot<>("model", this::build);

    /**
     * What a model answered: its text, the tools it asked for (empty when it answered), and whether it ended
     * normally (false: cut at our limit).
     */
    public record Reply(String text, String finishReason, boolean complete, List<ToolRequest> toolCalls) {

        public Reply {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        Reply(String text, String finishReason, boolean complete) {
            this(text, finishReason, complete, List.of());
        }
    }

    public boolean configured() {
        return settings.configured();
    }

    public boolean simulated() {
        return settings.connection().map(ModelSettings.Connection::simulated).orElse(false);
    }

    public ModelSettings.Connection connection() {
        return settings.connection().orElseThrow(() -> new ModelException(Kind.NOT_CONFIGURED,
                "No model is configured: set LLM_API_ENDPOINT (the chat-completions URL)"));
    }

    /**
     * Sends the messages with {@code stream: true} and reads the answer piece by piece, calling {@code onPiece}
     * with each; an exception thrown by {@code onPiece} (a Stop) ends the read and closes the connection.
     */
    public Reply stream(List<SentMessage> messages, Consumer<String> onPiece) {
        return stream(messages, null, null, onPiece);
    }

    /**
     * As {@link #stream(List, Consumer)}, offering the model the tools (chat-completions {@code tools}, null for
     * none) with a {@code tool_choice} ("auto", or "none" to have it answer now); a reply that asks for tools has
     * them in {@link Reply#toolCalls()}.
     */
    public Reply stream(List<SentMessage> messages, JsonArray tools, String toolChoice, Consumer<String> onPiece) {
        ModelSettings.Connection connection = connection();
        long started = System.nanoTime();
        String outcome = "error";
        try {
            ChatCompletionsApi api = client.get(connection);
            String body = body(connection, messages, tools, toolChoice).toString();
            Reply reply = calls.call(() -> read(api.complete(connection.authorization(), body), onPiece));
            outcome = "ok";
            return reply;
        } catch (ModelException e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            throw e;
        } catch (io.fleetdashboard.assistant.entity.AnswerStoppedException e) {
            outcome = "stopped";
            throw e;
        } catch (BulkheadException e) {
            outcome = "overloaded";
            throw new ModelException(Kind.OVERLOADED, "The model is busy with other questions: try again in a moment",
                    e);
        } catch (CircuitBreakerOpenException e) {
            outcome = "paused";
            throw new ModelException(Kind.OVERLOADED,
                    "The model is paused for a few seconds after repeated failures: try again shortly", e);
        } catch (ProcessingException | IllegalStateException e) {
            ModelException failure = transport(connection, e);
            outcome = failure.kind().name().toLowerCase(Locale.ROOT);
            LOG.log(Level.FINE, "Model call failed", e);
            throw failure;
        } finally {
            registry.timer("fleet.assistant.model.request", new Tag("outcome", outcome))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    static JsonObject body(ModelSettings.Connection connection, List<SentMessage> messages) {
        return body(connection, messages, null, null);
    }

    static JsonObject body(ModelSettings.Connection connection, List<SentMessage> messages, JsonArray tools,
                           String toolChoice) {
        var body = Json.createObjectBuilder().add("model", connection.model())
                .add("messages", AnswerJson.messages(messages));
        if (tools != null && !tools.isEmpty()) {
            body.add("tools", tools).add("tool_choice", toolChoice == null ? "auto" : toolChoice);
        }
        return body.add("temperature", 0.2).add("max_tokens", connection.maxTokens()).add("stream", true).build();
    }

    private static Reply read(Response response, Consumer<String> onPiece) {
        try (response) {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new ModelException(Kind.REJECTED, "The model refused LLM_BEARER_TOKEN (HTTP " + status + ")");
            }
            if (status == 429) {
                throw new ModelException(Kind.OVERLOADED, "The model is rate-limited (HTTP 429): try again later");
            }
            if (status >= 400) {
                throw new ModelException(Kind.UNAVAILABLE, "The model answered HTTP " + status);
            }
            try (InputStream in = response.readEntity(InputStream.class)) {
                String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
                return type.startsWith("text/event-stream") ? events(in, onPiece) : whole(in, onPiece);
            } catch (IOException e) {
                throw new ProcessingException(e);
            }
        }
    }

    /** Server-sent events: {@code data: {json}} lines, each with {@code choices[0].delta.content}, until [DONE]. */
    static Reply events(InputStream in, Consumer<String> onPiece) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        ToolDeltas tools = new ToolDeltas();
        String finish = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.length() > MAX_LINE_CHARS) {
                throw new ModelException(Kind.MALFORMED, "The model sent an event larger than 1 MB");
            }
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                return new Reply(text.toString(), finish == null ? "stop" : finish, true, tools.calls());
            }
            JsonObject event;
            try (var json = Json.createReader(new StringReader(data))) {
                event = json.readObject();
            } catch (JsonException | ClassCastException e) {
                continue; // a line that is not an event object, as the original skipped
            }
            var choices = event.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                continue;
            }
            JsonObject choice = choices.getJsonObject(0);
            JsonObject delta = choice.get("delta") instanceof JsonObject d ? d : null;
            if (delta != null && delta.get("tool_calls") instanceof JsonArray calls) {
                tools.add(calls);
            }
            if (delta != null && delta.get("content") instanceof jakarta.json.JsonString piece
                    && !piece.getString().isEmpty()) {
                if (text.length() + piece.getString().length() > MAX_ANSWER_CHARS) {
                    return new Reply(text.toString(), "length", false);
                }
                text.append(piece.getString());
                onPiece.accept(piece.getString());
            }
            if (choice.get("finish_reason") instanceof jakarta.json.JsonString reason) {
                finish = reason.getString();
            }
        }
        if (text.isEmpty() && tools.calls().isEmpty()) {
            throw new ModelException(Kind.MALFORMED, "The model's stream ended without an answer");
        }
        return new Reply(text.toString(), finish == null ? "ended" : finish, finish != null, tools.calls());
    }

    /** A server that ignores {@code stream} answers one JSON document: {@code choices[0].message.content}. */
    static Reply whole(InputStream in, Consumer<String> onPiece) throws IOException {
        byte[] bytes = in.readNBytes(4 * MAX_ANSWER_CHARS + 1);
        try (var json = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonObject choice = json.readObject().getJsonArray("choices").getJsonObject(0);
            JsonObject message = choice.getJsonObject("message");
            String text = message == null || message.isNull("content") ? "" : message.getString("content", "");
            List<ToolRequest> calls = message != null && message.get("tool_calls") instanceof JsonArray array
                    ? ToolDeltas.whole(array) : List.of();
            if (!calls.isEmpty()) {
                if (!text.isEmpty()) {
                    onPiece.accept(text);
                }
                return new Reply(text, choice.getString("finish_reason", "tool_calls"), true, calls);
            }
            if (text.isEmpty()) {
                throw new ModelException(Kind.MALFORMED, "The model answered without any text"
                        + ("length".equals(choice.getString("finish_reason", "")) ? ": the context window is full" : ""));
            }
            onPiece.accept(text);
            return new Reply(text, choice.getString("finish_reason", "stop"), true);
        } catch (JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new ModelException(Kind.MALFORMED, "The model answered something that is not a chat completion: "
                    + "is LLM_API_ENDPOINT the full /v1/chat/completions URL?", e);
        }
    }

    /**
     * The tool calls of a streamed answer, put together from their pieces: each delta names the call's index, the
     * first one its id and name, and the arguments come in fragments to be appended.
     */
    static final class ToolDeltas {
        static final int MAX_CALLS = 16;
        static final int MAX_ARGUMENTS = 16_000;
        private final java.util.TreeMap<Integer, String[]> calls = new java.util.TreeMap<>();
        private final java.util.Map<Integer, StringBuilder> arguments = new java.util.HashMap<>();

        void add(JsonArray deltas) {
            for (JsonValue value : deltas) {
                if (!(value instanceof JsonObject d)) {
                    continue;
                }
                int index = d.get("index") instanceof jakarta.json.JsonNumber n ? n.intValue() : calls.size();
                if (!calls.containsKey(index) && calls.size() >= MAX_CALLS) {
                    continue;
                }
                String[] call = calls.computeIfAbsent(index, i -> new String[] {null, null});
                if (d.get("id") instanceof jakarta.json.JsonString id) {
                    call[0] = id.getString();
                }
                if (d.get("function") instanceof JsonObject f) {
                    if (f.get("name") instanceof jakarta.json.JsonString name) {
                        call[1] = call[1] == null ? name.getString() : call[1] + name.getString();
                    }
                    if (f.get("arguments") instanceof jakarta.json.JsonString piece) {
                        StringBuilder args = arguments.computeIfAbsent(index, i -> new StringBuilder());
                        if (args.length() + piece.getString().length() > MAX_ARGUMENTS) {
                            throw new ModelException(Kind.MALFORMED, "The model sent tool arguments over 16,000 "
                                    + "characters");
                        }
                        args.append(piece.getString());
                    }
                }
            }
        }

        List<ToolRequest> calls() {
            List<ToolRequest> out = new java.util.ArrayList<>();
            calls.forEach((index, call) -> {
                if (call[1] != null) {
                    StringBuilder args = arguments.get(index);
                    out.add(new ToolRequest(call[0] == null ? "call_" + index : call[0], call[1],
                            args == null || args.isEmpty() ? "{}" : args.toString()));
                }
            });
            return out;
        }

        static List<ToolRequest> whole(JsonArray array) {
            ToolDeltas deltas = new ToolDeltas();
            JsonArrayBuilder indexed = Json.createArrayBuilder();
            int i = 0;
            for (JsonValue value : array) {
                if (value instanceof JsonObject o) {
                    indexed.add(Json.createObjectBuilder(o).add("index", i++));
                }
            }
            deltas.add(indexed.build());
            return deltas.calls();
        }
    }

    private static ModelException transport(ModelSettings.Connection connection, Exception e) {
        String where = connection.endpoint().getHost();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new ModelException(Kind.TIMEOUT, "The model at " + where + " sent nothing for "
                        + connection.timeoutSeconds() + " s (LLM_TIMEOUT_SECONDS): try again or ask something smaller",
                        e);
            }
            if (cause instanceof ConnectException) {
                return new ModelException(Kind.UNAVAILABLE, "Cannot connect to the model at " + where, e);
            }
            if (cause instanceof UnknownHostException) {
                return new ModelException(Kind.UNAVAILABLE, "Unknown host " + where + " in LLM_API_ENDPOINT", e);
            }
            if (cause instanceof SSLException) {
                return new ModelException(Kind.UNAVAILABLE, "TLS to " + where + " failed: is its certificate issued "
                        + "by one in LLM_CA_BUNDLE?", e);
            }
            if (cause instanceof ModelException model) {
                return model;
            }
        }
        return new ModelException(Kind.UNAVAILABLE, "The model at " + where + " failed", e);
    }

    private ChatCompletionsApi build(ModelSettings.Connection connection) {
        RestClientBuilder builder = RestClientSlot.pooled(connection.endpoint(), connection.timeoutSeconds());
        if (connection.caBundle() != null) {
            builder.trustStore(trustStore(connection));
        }
        return builder.build(ChatCompletionsApi.class);
    }

    /** The certificates of the PEM bundle as the only trusted ones (verification stays on). */
    static KeyStore trustStore(ModelSettings.Connection connection) {
        try (InputStream in = Files.newInputStream(connection.caBundle())) {
            return io.fleetdashboard.config.control.PemTrust.trustStore(in, "llm-ca");
        } catch (IllegalArgumentException e) {
            throw new ModelException(Kind.NOT_CONFIGURED, e.getCause() == null
                    ? "LLM_CA_BUNDLE holds no PEM certificate" : "LLM_CA_BUNDLE cannot be read as PEM certificates", e);
        } catch (IOException e) {
            throw new ModelException(Kind.NOT_CONFIGURED, "LLM_CA_BUNDLE cannot be read as PEM certificates", e);
        }
    }

    @PreDestroy
    void closeClient() {
        client.close();
    }
}
