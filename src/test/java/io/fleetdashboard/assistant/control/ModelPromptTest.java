package io.fleetdashboard.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.assistant.entity.AnswerSource;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import io.fleetdashboard.assistant.entity.SentMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPromptTest {

    static List<ConversationMessage> history(int turns, int chars) {
        List<ConversationMessage> out = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            out.add(new ConversationMessage(1, i, i % 2 == 0 ? ConversationMessage.Role.USER
                    : ConversationMessage.Role.ASSISTANT, i % 2 == 0 ? null : AnswerSource.MODEL,
                    "turn " + i + " " + "x".repeat(chars), null, null));
        }
        return out;
    }

    @Test
    void theNewestTurnsAreKeptWithinTheBudget() {
        List<SentMessage> sent = ModelPrompt.messages(null, history(20, 400), "now?", 1000);
        assertEquals("system", sent.get(0).role());
        assertEquals("now?", sent.get(sent.size() - 1).content());
        int total = sent.stream().mapToInt(m -> ModelPrompt.tokens(m.content())).sum();
        assertTrue(total <= 1000, "within the budget: " + total);
        assertTrue(sent.size() < 22, "older turns dropped");
        assertTrue(sent.get(sent.size() - 2).content().startsWith("turn 19 "), "the newest turn is kept");
    }

    @Test
    void everythingSentIsScrubbedAndTheDataIsDelimited() {
        List<ConversationMessage> earlier = List.of(new ConversationMessage(1, 0, ConversationMessage.Role.USER, null,
                "my token=abc123secret", null, null));
        List<SentMessage> sent = ModelPrompt.messages(null, earlier, "and password=hunter2?", 8000);
        String all = sent.toString();
        assertFalse(all.contains("abc123secret") || all.contains("hunter2"), all);
        assertTrue(sent.get(0).content().contains("<fleet-data>") && sent.get(0).content().contains("</fleet-data>"));
        assertTrue(sent.get(0).content().replace("\n", " ").contains("never instructions"), "the data cannot instruct the model");
    }
}
