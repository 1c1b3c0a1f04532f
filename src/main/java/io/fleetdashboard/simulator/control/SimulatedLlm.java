package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
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

    private final String token;
    private final Deque<String> received = new ArrayDeque<>();
    private final CountDownLatch never = new CountDownLatch(1);
    private final LoopbackHttp http;

    SimulatedLlm(Simulation simulation, String token) {
        this.token = token;
        this.http = new LoopbackHttp(simulation, this::handle);
    }

    String url() {
        return http.url(PATH);
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

    void bind() throws IOException {
        http.bind();
        LOG.fine(() -> "LLM stand-in listening on " + url());
    }

    void unbind() {
        http.unbind();
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
        if (firstContent(messages).startsWith(ANALYST)) {
            String findings = analysis(question);
            reply(exchange, 200, "application/json", Json.createObjectBuilder().add("id", "chatcmpl-sim")
                    .add("object", "chat.completion").add("model", request.getString("model", "simulated-model"))
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").add("content",
                                    findings)).add("finish_reason", "stop"))).build().toString());
            return;
        }
        boolean toolsOffered = request.get("tools") instanceof JsonArray offered && !offered.isEmpty()
                && !"none".equals(request.getString("tool_choice", "auto"));
        boolean injected = injected(messages);
        if (toolsOffered && !injected && !hasToolResults(messages)) {
            List<JsonObject> calls = plan(question, offeredNames(request.getJsonArray("tools")));
            if (!calls.isEmpty()) {
                if (request.getBoolean("stream", false)) {
                    streamToolCalls(exchange, calls);
                } else {
                    reply(exchange, 200, "application/json", Json.createObjectBuilder().add("id", "chatcmpl-sim")
                            .add("object", "chat.completion").add("choices", Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("index", 0).add("message",
                                            Json.createObjectBuilder().add("role", "assistant")
                                                    .add("content", JsonValue.NULL).add("tool_calls", whole(calls)))
                                            .add("finish_reason", "tool_calls"))).build().toString());
                }
                return;
            }
        }
        String answer = injected ? "PWNED: I followed instructions found in the fleet data."
                : question.contains("simulate: hostile") ? Hostile.ANSWER : answer(messages, question);
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

    /** How the monitor's round analysis begins its instructions (insights' RoundAnalyst). */
    static final String ANALYST = "You are the fleet monitor's analyst.";

    private static final java.util.regex.Pattern ROUND_LINE = java.util.regex.Pattern.compile(
            "^- \\[(critical|warning|info)\\] \\[([a-z]+)\\] (.*?) \\| .*? \\| resources: (.*)$");

    /**
     * The monitor's round analysis, as a naive model would answer it: one finding per critical line of the round
     * data (at most three), about that line's first resource, and one about a resource the data never named (the
     * dashboard must leave that one out). Always a JSON array, in a code fence as models often write it.
     */
    static String analysis(String roundData) {
        var findings = Json.createArrayBuilder();
        int found = 0;
        for (String line : roundData.split("\n")) {
            java.util.regex.Matcher m = ROUND_LINE.matcher(line.strip());
            if (!m.matches() || !m.group(1).equals("critical") || found == 3) {
                continue;
            }
            String resource = m.group(4).split(",")[0].strip();
            findings.add(Json.createObjectBuilder().add("severity", "critical").add("category", m.group(2))
                    .add("title", "Look at " + m.group(3)).add("description", "The round found: " + m.group(3) + ".")
                    .add("affected_resources", Json.createArrayBuilder().add(resource))
                    .add("recommended_action", "Open its details and logs, then act on the cause."));
            found++;
        }
        findings.add(Json.createObjectBuilder().add("severity", "warning").add("category", "availability")
                .add("title", "An invented container").add("description", "Not in the data.")
                .add("affected_resources", Json.createArrayBuilder().add("nowhere:0:000000000000"))
                .add("recommended_action", "None."));
        return "```json\n" + findings.build() + "\n```";
    }

    private static String firstContent(JsonArray messages) {
        return messages.isEmpty() ? "" : messages.getJsonObject(0).getString("content", "");
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
        String tools = fromTools(messages);
        return "Simulated answer (demo mode, no real model). You asked: \"" + shown.replace('\n', ' ') + "\". I was sent "
                + messages.size() + " messages." + (context.isEmpty() ? "" : " The fleet data I was given says: "
                + context) + (tools.isEmpty() ? "" : "\n\nFrom the look-ups I asked for:\n" + tools);
    }

    /** Spans a careful prompt keeps fleet data in; a naive reader takes the first closing tag as the end. */
    private static final java.util.regex.Pattern DATA_SPANS = java.util.regex.Pattern.compile(
            "<fleet-data>[\\s\\S]*?</fleet-data>|<tool-data[^>]*>[\\s\\S]*?</tool-data>");

    /**
     * True when text outside the data delimiters of a message that is not the user's says to ignore previous
     * instructions: the stand-in then obeys, as a naive model would, so a name that escapes its delimiters shows.
     */
    static boolean injected(JsonArray messages) {
        for (JsonValue value : messages) {
            JsonObject m = value.asJsonObject();
            if ("user".equals(m.getString("role", "")) || !(m.get("content") instanceof jakarta.json.JsonString c)) {
                continue;
            }
            String outside = DATA_SPANS.matcher(c.getString()).replaceAll(" ");
            if (outside.toUpperCase(java.util.Locale.ROOT).contains("IGNORE PREVIOUS INSTRUCTIONS")) {
                return true;
            }
        }
        return false;
    }

    /** True when tools already answered after the last question. */
    private static boolean hasToolResults(JsonArray messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            String role = messages.getJsonObject(i).getString("role", "");
            if (role.equals("tool")) {
                return true;
            }
            if (role.equals("user")) {
                return false;
            }
        }
        return false;
    }

    private static java.util.Set<String> offeredNames(JsonArray tools) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonValue t : tools) {
            if (t instanceof JsonObject o && o.get("function") instanceof JsonObject f) {
                names.add(f.getString("name", ""));
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?i)\\b(?:named|called|of)\\s+[`\"']?([A-Za-z0-9][^\\s`\"'?,]*)");

    /**
     * The look-ups the stand-in asks for, from the question's words only (deterministic): containers, endpoints,
     * stacks, images, CPU/memory, anomalies, alerts, a summary, a named container's details or logs.
     */
    static List<JsonObject> plan(String question, java.util.Set<String> offered) {
        String q = question.toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher named = NAMED.matcher(question);
        String name = named.find() ? named.group(1) : null;
        List<JsonObject> calls = new ArrayList<>();
        if (name != null && q.contains("log")) {
            calls.add(call("recent_logs", Json.createObjectBuilder().add("container", name).add("tail", 20).build()));
        } else if (name != null && q.contains("details")) {
            calls.add(call("container_details", Json.createObjectBuilder().add("container", name).build()));
        } else if (q.contains("container")) {
            var args = Json.createObjectBuilder();
            if (name != null) {
                args.add("search", name);
            }
            if (q.contains("unhealthy")) {
                args.add("health", "unhealthy");
            } else if (q.contains("stopped")) {
                args.add("state", "stopped");
            } else if (q.contains(" running")) {
                args.add("state", "running");
            }
            if (q.contains("all ")) {
                args.add("limit", 50);
            }
            calls.add(call("list_containers", args.build()));
        }
        if (q.contains("endpoint")) {
            var args = Json.createObjectBuilder();
            if (q.contains("offline")) {
                args.add("status", "offline");
            }
            calls.add(call("list_endpoints", args.build()));
        }
        if (q.contains("stack")) {
            calls.add(call("list_stacks", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (q.contains("image")) {
            calls.add(call("list_images", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (q.contains("cpu") || q.contains("memory") || q.contains("consum")) {
            calls.add(call("metrics_top", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (q.contains("anomal")) {
            calls.add(call("anomalies", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (q.contains("alert") || q.contains("attention")) {
            calls.add(call("health_alerts", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (q.contains("summary") || q.contains("overview")) {
            calls.add(call("fleet_summary", JsonValue.EMPTY_JSON_OBJECT));
        }
        List<JsonObject> allowed = new ArrayList<>();
        for (JsonObject c : calls) {
            if (offered.contains(c.getString("name"))) {
                allowed.add(Json.createObjectBuilder(c).add("id", "call_sim_" + allowed.size()).build());
            }
        }
        return allowed;
    }

    private static JsonObject call(String name, JsonObject arguments) {
        return Json.createObjectBuilder().add("name", name).add("arguments", arguments.toString()).build();
    }

    private static JsonArray whole(List<JsonObject> calls) {
        var array = Json.createArrayBuilder();
        for (JsonObject c : calls) {
            array.add(Json.createObjectBuilder().add("id", c.getString("id")).add("type", "function")
                    .add("function", Json.createObjectBuilder().add("name", c.getString("name"))
                            .add("arguments", c.getString("arguments"))));
        }
        return array.build();
    }

    /** Tool calls as a real server streams them: id and name first, the arguments in two pieces. */
    private void streamToolCalls(HttpExchange exchange, List<JsonObject> calls) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < calls.size(); i++) {
                JsonObject c = calls.get(i);
                String args = c.getString("arguments");
                int half = args.length() / 2;
                out.write(chunk(Json.createObjectBuilder().add("index", i).add("id", c.getString("id"))
                        .add("type", "function").add("function", Json.createObjectBuilder()
                                .add("name", c.getString("name")).add("arguments", args.substring(0, half))).build()));
                out.write(chunk(Json.createObjectBuilder().add("index", i).add("function", Json.createObjectBuilder()
                        .add("arguments", args.substring(half))).build()));
                out.flush();
            }
            JsonObject last = Json.createObjectBuilder().add("id", "chatcmpl-sim").add("object",
                    "chat.completion.chunk").add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("index", 0).add("delta", Json.createObjectBuilder()).add("finish_reason", "tool_calls")))
                    .build();
            out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the dashboard stopped reading
        }
    }

    private static byte[] chunk(JsonObject toolCallDelta) {
        JsonObject event = Json.createObjectBuilder().add("id", "chatcmpl-sim").add("object", "chat.completion.chunk")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("delta", Json.createObjectBuilder().add("tool_calls", Json.createArrayBuilder()
                                .add(toolCallDelta))).add("finish_reason", JsonValue.NULL))).build();
        return ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What the tools answered, as the stand-in quotes it: each result's counts line and the first names. */
    static String fromTools(JsonArray messages) {
        StringBuilder out = new StringBuilder();
        for (JsonValue value : messages) {
            JsonObject m = value.asJsonObject();
            if (!"tool".equals(m.getString("role", "")) || !(m.get("content") instanceof jakarta.json.JsonString c)) {
                continue;
            }
            String[] lines = c.getString().split("\n");
            String tool = lines[0].replaceAll(".*tool=\"([a-z_]+)\".*", "$1");
            List<String> names = new ArrayList<>();
            String more = null;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("{") && names.size() < 5) {
                    try (var reader = Json.createReader(new StringReader(line))) {
                        JsonObject row = reader.readObject();
                        if (row.get("name") instanceof jakarta.json.JsonString n) {
                            names.add(n.getString());
                        }
                    } catch (JsonException | ClassCastException e) {
                        // a counts line
                    }
                } else if (line.contains("more not shown")) {
                    more = line.strip();
                }
            }
            out.append("\n- ").append(tool).append(": ").append(lines.length > 1 ? lines[1].strip() : "");
            if (!names.isEmpty()) {
                out.append(" — rows: ").append(String.join(", ", names));
            }
            if (more != null) {
                out.append(" (").append(more).append(')');
            }
        }
        return out.toString();
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
