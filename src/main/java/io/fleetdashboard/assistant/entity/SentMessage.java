package io.fleetdashboard.assistant.entity;

import java.util.List;

/**
 * A message exactly as it was (or, for a rules answer, would have been) sent, in the chat-completions shape: its
 * role and content; for an assistant turn that asked for tools, the calls it asked for; for a tool's result, the id
 * of the call it answers.
 */
@jakarta.json.bind.annotation.JsonbTypeAdapter(SentMessageJson.class)
public record SentMessage(String role, String content, String toolCallId, List<ToolRequest> toolCalls) {

    public SentMessage {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public SentMessage(String role, String content) {
        this(role, content, null, List.of());
    }

    /** The result of one tool call, sent back to the model. */
    public static SentMessage toolResult(String callId, String content) {
        return new SentMessage("tool", content, callId, List.of());
    }

    /** The model's turn that asked for tools (its text, usually empty, and the calls). */
    public static SentMessage toolRequest(String content, List<ToolRequest> calls) {
        return new SentMessage("assistant", content, null, calls);
    }
}
