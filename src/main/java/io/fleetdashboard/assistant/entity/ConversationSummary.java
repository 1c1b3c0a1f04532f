package io.fleetdashboard.assistant.entity;

import java.time.Instant;

/** A conversation in the history list. */
public record ConversationSummary(long id, String title, Instant createdAt, Instant updatedAt) {

    public static ConversationSummary of(Conversation c) {
        return new ConversationSummary(c.getId(), c.getTitle(), Instant.ofEpochMilli(c.getCreatedAt()),
                Instant.ofEpochMilli(c.getUpdatedAt()));
    }
}
