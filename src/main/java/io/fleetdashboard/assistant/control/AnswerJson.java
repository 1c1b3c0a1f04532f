package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.Citation;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolCall;
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
        return io.fleetdashboard.assistant.entity.SentMessageJson.toJson(m);
    }

    public static List<SentMessage> sent(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return parse(json).stream().map(JsonValue::asJsonObject).map(AnswerJson::sentMessage).toList();
    }

    static SentMessage sentMessage(JsonObject o) {
        return io.fleetdashboard.assistant.entity.SentMessageJson.fromJson(o);
    }

    private static JsonArray parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
