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
}
