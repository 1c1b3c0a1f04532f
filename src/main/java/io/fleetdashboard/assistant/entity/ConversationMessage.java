package io.fleetdashboard.assistant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One turn of a conversation (V6__assistant.sql): the user's question or the assistant's answer (Markdown as
 * written, rendered only when shown), with the tool calls it used and the messages that were sent (JSON).
 */
@Entity
@Table(name = "assistant_message")
@NamedQuery(name = "ConversationMessage.findByConversation",
        query = "SELECT m FROM ConversationMessage m WHERE m.conversationId = :conversation ORDER BY m.id")
public class ConversationMessage {

    public enum Role { USER, ASSISTANT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(nullable = false)
    private long at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    private AnswerSource source;

    @Column(nullable = false)
    private String content;

    @Column(name = "tool_calls")
    private String toolCalls;

    private String sent;

    protected ConversationMessage() {
    }

    public ConversationMessage(long conversationId, long at, Role role, AnswerSource source, String content,
                               String toolCalls, String sent) {
        this.conversationId = conversationId;
        this.at = at;
        this.role = role;
        this.source = source;
        this.content = content;
        this.toolCalls = toolCalls;
        this.sent = sent;
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getAt() {
        return at;
    }

    public Role getRole() {
        return role;
    }

    public AnswerSource getSource() {
        return source;
    }

    public String getContent() {
        return content;
    }

    public String getToolCalls() {
        return toolCalls;
    }

    public String getSent() {
        return sent;
    }
}
