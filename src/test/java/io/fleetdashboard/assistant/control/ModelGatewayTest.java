package io.fleetdashboard.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.assistant.entity.ModelException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelGatewayTest {

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String chunk(String content) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
    }

    @Test
    void aStreamIsReadPieceByPieceUntilDone() throws Exception {
        List<String> pieces = new ArrayList<>();
        var reply = ModelGateway.events(text(": keep-alive\n\n" + chunk("Hello ") + "data: not json\n\n"
                + chunk("fleet") + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n" + chunk("after done")), pieces::add);
        assertEquals(List.of("Hello ", "fleet"), pieces);
        assertEquals("Hello fleet", reply.text());
        assertEquals("stop", reply.finishReason());
        assertTrue(reply.complete());
    }

    @Test
    void aStopFromTheCallerEndsTheRead() {
        List<String> pieces = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> ModelGateway.events(text(chunk("a") + chunk("b")), p -> {
            pieces.add(p);
            throw new IllegalStateException("stopped");
        }));
        assertEquals(List.of("a"), pieces);
    }

    @Test
    void aStreamWithoutAnAnswerIsAClearFailure() {
        ModelException e = assertThrows(ModelException.class, () -> ModelGateway.events(text("data: [x]\n\n"),
                p -> { }));
        assertEquals(ModelException.Kind.MALFORMED, e.kind());
    }

    @Test
    void aServerThatIgnoresStreamingAnswersOneDocument() throws Exception {
        var reply = ModelGateway.whole(text("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"42\"},"
                + "\"finish_reason\":\"stop\"}]}"), p -> { });
        assertEquals("42", reply.text());
        ModelException full = assertThrows(ModelException.class, () -> ModelGateway.whole(text(
                "{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"length\"}]}"), p -> { }));
        assertTrue(full.getMessage().contains("context window"), full.getMessage());
        assertThrows(ModelException.class, () -> ModelGateway.whole(text("<html>"), p -> { }));
    }

    @Test
    void theTokenIsSentAsTheOriginalSentIt() {
        assertEquals("Bearer abc", ModelSettings.authorization("abc"));
        assertEquals("Basic dXNlcjpwYXNz", ModelSettings.authorization("user:pass"));
        assertEquals("Bearer already", ModelSettings.authorization("Bearer already"));
        assertEquals("Basic xyz", ModelSettings.authorization("Basic xyz"));
        assertNull(ModelSettings.authorization(" "));
    }

    @Test
    void theConnectionNeverPrintsItsToken() {
        var c = new ModelSettings.Connection(java.net.URI.create("https://llm.example/v1/chat/completions"),
                "Bearer top-secret", "m", 10, 5, null, 1000, false);
        assertFalse(c.toString().contains("top-secret"), c.toString());
    }

    @Test
    void streamedToolCallsArePutTogetherFromTheirPieces() throws Exception {
        String first = "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"list_containers\",\"arguments\":\"{\\\"sea\"}}]}}]}\n\n";
        String second = "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                + "{\"arguments\":\"rch\\\":\\\"web\\\"}\"}},{\"index\":1,\"id\":\"call_2\",\"function\":"
                + "{\"name\":\"fleet_summary\"}}]}}]}\n\n";
        var reply = ModelGateway.events(text(first + second
                + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n"), p -> { });
        assertEquals(List.of(new io.fleetdashboard.assistant.entity.ToolRequest("call_1", "list_containers",
                "{\"search\":\"web\"}"), new io.fleetdashboard.assistant.entity.ToolRequest("call_2", "fleet_summary",
                "{}")), reply.toolCalls());
        assertEquals("", reply.text());
        assertEquals("tool_calls", reply.finishReason());
    }

    @Test
    void aWholeAnswerMayAskForTools() throws Exception {
        var reply = ModelGateway.whole(text("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"health_alerts\","
                + "\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}"), p -> { });
        assertEquals("health_alerts", reply.toolCalls().get(0).name());
    }

    @Test
    void theRequestOffersTheToolsAndCarriesToolTurnsInTheChatShape() {
        var connection = new ModelSettings.Connection(java.net.URI.create("http://m/v1/chat/completions"), null, "m",
                100, 5, null, 8000, false);
        var calls = List.of(new io.fleetdashboard.assistant.entity.ToolRequest("c1", "fleet_summary", "{}"));
        var body = ModelGateway.body(connection, List.of(new io.fleetdashboard.assistant.entity.SentMessage("user", "q"),
                io.fleetdashboard.assistant.entity.SentMessage.toolRequest("", calls),
                io.fleetdashboard.assistant.entity.SentMessage.toolResult("c1", "<tool-data>x</tool-data>")),
                FleetTools.definitions(io.fleetdashboard.auth.entity.Role.VIEWER), "none");
        assertEquals("none", body.getString("tool_choice"));
        assertTrue(body.getJsonArray("tools").size() >= 10);
        var messages = body.getJsonArray("messages");
        assertTrue(messages.getJsonObject(1).isNull("content"));
        assertEquals("fleet_summary", messages.getJsonObject(1).getJsonArray("tool_calls").getJsonObject(0)
                .getJsonObject("function").getString("name"));
        assertEquals("c1", messages.getJsonObject(2).getString("tool_call_id"));
        assertEquals(messages, AnswerJson.messages(AnswerJson.sent(messages.toString())), "kept and read back alike");
    }
}
