package io.fleetdashboard.assistant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One conversation with the assistant (V6__assistant.sql); it belongs to the user who started it. */
@Entity
@Table(name = "assistant_conversation")
@NamedQuery(name = "Conversation.findByUser",
        query = "SELECT c FROM Conversation c WHERE c.username = :username ORDER BY c.updatedAt DESC, c.id DESC")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String title;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Conversation() {
    }

    public Conversation(String username, String title, long at) {
        this.username = username;
        this.title = title;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getTitle() {
        return title;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void touch(long at) {
        this.updatedAt = Math.max(updatedAt, at);
    }
}
