package io.fleetdashboard.assistant.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.List;

/**
 * A sent message in the chat-completions shape ({@code role}, {@code content}, {@code tool_call_id},
 * {@code tool_calls}), the one shape it has everywhere: in the request to the model, in the API's answers and in
 * the download, so what the dashboard says it sent compares equal to what the model received.
 */
public class SentMessageJson implements JsonbAdapter<SentMessage, JsonObject> {

    @Override
    public JsonObject adaptToJson(SentMessage m) {
        return toJson(m);
    }

    @Override
    public SentMessage adaptFromJson(JsonObject o) {
        return fromJson(o);
    }

    public static JsonObject toJson(SentMessage m) {
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

    public static SentMessage fromJson(JsonObject o) {
        String content = o.get("content") instanceof JsonString text ? text.getString() : "";
        List<ToolRequest> calls = o.get("tool_calls") instanceof JsonArray array ? array.stream()
                .map(JsonValue::asJsonObject).map(c -> new ToolRequest(c.getString("id", ""),
                        c.getJsonObject("function").getString("name", ""),
                        c.getJsonObject("function").getString("arguments", "{}"))).toList() : List.of();
        return new SentMessage(o.getString("role"), content, o.getString("tool_call_id", null), calls);
    }
}
