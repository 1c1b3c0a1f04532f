package io.fleetdashboard.assistant.entity;

import java.time.Instant;
import java.util.List;

/**
 * The assistant's answer to one question.
 *
 * @param answer       Markdown as written by the rules or the model (render it with AnswerMarkdown, never raw)
 * @param conversation the conversation it belongs to
 * @param source       who wrote it
 * @param dataAsOf     how fresh the snapshot it is based on was (null: no snapshot)
 * @param toolCalls    the look-ups it is based on, with the rows used
 * @param sent         the messages sent to the model (empty for a rules answer: nothing left the dashboard)
 */
public record Answer(String answer, long conversation, AnswerSource source, Instant dataAsOf,
                     List<ToolCall> toolCalls, List<SentMessage> sent) {

    public Answer {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        sent = sent == null ? List.of() : List.copyOf(sent);
    }
}
