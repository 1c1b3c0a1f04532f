package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.Citation;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.assistant.entity.ToolRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Tool calls and sent messages as the JSON text a conversation keeps, and back. */
public final class AnswerJson {

    private AnswerJson() {
    }

    public static String toolCalls(List<ToolCall> calls) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ToolCall call : calls) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Citation row : call.rows()) {
                rows.add(Json.createObjectBuilder().add("label", row.label())
                        .add("href", row.href() == null ? JsonValue.NULL : Json.createValue(row.href())));
            }
            array.add(Json.createObjectBuilder().add("name", call.name()).add("arguments", call.arguments())
                    .add("matched", call.matched()).add("used", call.used()).add("rows", rows));
        }
        return array.build().toString();
    }

    public static List<ToolCall> toolCalls(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return parse(json).stream().map(JsonValue::asJsonObject).map(o -> new ToolCall(o.getString("name"),
                o.getString("arguments", "{}"), o.getInt("matched", 0), o.getInt("used", 0),
                o.getJsonArray("rows").stream().map(JsonValue::asJsonObject)
                        .map(r -> new Citation(r.getString("label"), r.isNull("href") ? null : r.getString("href")))
                        .toList())).toList();
    }

    public static String sent(List<SentMessage> messages) {
        return messages(messages).toString();
    }

    /** The messages in the chat-completions shape: exactly what goes into a request's "messages". */
    public static JsonArray messages(List<SentMessage> messages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (SentMessage m : messages) {
            array.add(message(m));
        }
        return array.build();
    }

    static JsonObject message(SentMessage m) {
        var o = Json.createObjectBuilder().add("role", m.role());
        if (m.toolCalls().isEmpty() || !m.content().isEmpty()) {
            o.add("content", m.content());
        } else {
            o.add("content", JsonValue.NULL);
        }
        if (m.toolCallId() != null) {
            o.add("tool_call_id", m.toolCallId());
        }
        if (!m.toolCalls().isEmpty()) {
            JsonArrayBuilder calls = Json.createArrayBuilder();
            for (ToolRequest call : m.toolCalls()) {
                calls.add(Json.createObjectBuilder().add("id", call.id()).add("type", "function")
                        .add("function", Json.createObjectBuilder().add("name", call.name())
                                .add("arguments", call.arguments())));
            }
            o.add("tool_calls", calls);
        }
        return o.build();
    }

    public static List<SentMessage> sent(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return parse(json).stream().map(JsonValue::asJsonObject).map(AnswerJson::sentMessage).toList();
    }

    static SentMessage sentMessage(JsonObject o) {
        String content = o.get("content") instanceof jakarta.json.JsonString text ? text.getString() : "";
        List<ToolRequest> calls = o.get("tool_calls") instanceof JsonArray array ? array.stream()
                .map(JsonValue::asJsonObject).map(c -> new ToolRequest(c.getString("id", ""),
                        c.getJsonObject("function").getString("name", ""),
                        c.getJsonObject("function").getString("arguments", "{}"))).toList() : List.of();
        return new SentMessage(o.getString("role"), content, o.getString("tool_call_id", null), calls);
    }

    private static JsonArray parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
