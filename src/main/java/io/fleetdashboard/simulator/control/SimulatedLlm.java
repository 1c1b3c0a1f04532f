package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} stand-in on its own loopback port, for demo mode and the tests.
 * Its answers depend only on what it is sent: it repeats the last question, counts the messages and quotes the
 * line of the context that holds the running containers. {@code "stream": true} answers server-sent events, one
 * word each; otherwise one chat.completion document. A question that contains {@code simulate: slow} waits 30 s
 * before its first word (longer than the dashboard's stand-in timeout), {@code simulate: drip} streams a word every
 * 150 ms (to watch and stop a stream), {@code simulate: fail} answers 500. It
 * requires {@code Authorization: Bearer <its token>} and keeps the last {@link #KEEP} request bodies it received,
 * so tests can check what reached it (and what never did).
 */
final class SimulatedLlm {

    private static final Logger LOG = Logger.getLogger(SimulatedLlm.class.getName());
    static final int KEEP = 50;
    static final String PATH = "/v1/chat/completions";

    private final Simulation simulation;
    private final String token;
    private final Deque<String> received = new ArrayDeque<>();
    private final CountDownLatch never = new CountDownLatch(1);
    private HttpServer server;

    SimulatedLlm(Simulation simulation, String token) {
        this.simulation = simulation;
        this.token = token;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    String token() {
        return token;
    }

    synchronized List<String> received() {
        return new ArrayList<>(received);
    }

    synchronized void forget() {
        received.clear();
    }

    synchronized void bind() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        created.setExecutor(simulation.executor());
        created.createContext("/", this::handle);
        created.start();
        server = created;
        LOG.fine(() -> "LLM stand-in listening on " + url());
    }

    synchronized void unbind() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        never.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(8 * 1024 * 1024);
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "application/json", error("invalid_api_key", "Incorrect API key provided"));
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(PATH)) {
            reply(exchange, 404, "application/json", error("not_found", "Unknown route"));
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        synchronized (this) {
            received.addLast(text);
            while (received.size() > KEEP) {
                received.removeFirst();
            }
        }
        JsonObject request;
        try (var reader = Json.createReader(new StringReader(text))) {
            request = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            reply(exchange, 400, "application/json", error("invalid_request_error", "Body is not a JSON object"));
            return;
        }
        JsonArray messages = request.getJsonArray("messages");
        if (messages == null || messages.isEmpty()) {
            reply(exchange, 400, "application/json", error("invalid_request_error", "messages is required"));
            return;
        }
        String question = lastUserContent(messages);
        if (question.contains("simulate: fail")) {
            reply(exchange, 500, "application/json", error("server_error", "The simulated model failed"));
            return;
        }
        if (question.contains("simulate: slow")) {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String answer = answer(messages, question);
        if (request.getBoolean("stream", false)) {
            stream(exchange, answer, question.contains("simulate: drip") ? 150 : 0);
        } else {
            JsonObject completion = Json.createObjectBuilder().add("id", "chatcmpl-sim").add("object", "chat.completion")
                    .add("model", request.getString("model", "simulated-model"))
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", answer))
                            .add("finish_reason", "stop")))
                    .build();
            reply(exchange, 200, "application/json", completion.toString());
        }
    }

    /** The answer, from what was sent only. */
    static String answer(JsonArray messages, String question) {
        String context = "";
        for (JsonValue m : messages) {
            String content = m.asJsonObject().getString("content", "");
            for (String line : content.split("\n")) {
                if (line.contains("containers running")) {
                    context = line.strip();
                }
            }
        }
        String shown = question.length() > 200 ? question.substring(0, 200) + "…" : question;
        return "Simulated answer (demo mode, no real model). You asked: \"" + shown.replace('\n', ' ') + "\". I was sent "
                + messages.size() + " messages." + (context.isEmpty() ? "" : " The fleet data I was given says: "
                + context);
    }

    private static String lastUserContent(JsonArray messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject m = messages.getJsonObject(i);
            if ("user".equals(m.getString("role", ""))) {
                return m.getString("content", "");
            }
        }
        return "";
    }

    private void stream(HttpExchange exchange, String answer, long pauseMillis) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String[] words = answer.split("(?<= )");
            for (String word : words) {
                JsonObject event = Json.createObjectBuilder().add("id", "chatcmpl-sim").add("object",
                        "chat.completion.chunk").add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0).add("delta", Json.createObjectBuilder().add("content", word))
                        .add("finish_reason", JsonValue.NULL))).build();
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (pauseMillis > 0) {
                    try {
                        never.await(pauseMillis, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            JsonObject last = Json.createObjectBuilder().add("id", "chatcmpl-sim").add("object",
                    "chat.completion.chunk").add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("index", 0).add("delta", Json.createObjectBuilder()).add("finish_reason", "stop"))).build();
            out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the dashboard stopped reading (a Stop): nothing to do
        }
    }

    private static String error(String code, String message) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("message", message)
                .add("type", code).add("code", code)).build().toString();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
