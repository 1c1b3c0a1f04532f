package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.AnswerSource;
import io.fleetdashboard.assistant.entity.Conversation;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Conversations in SQLite, per user: a user sees and continues only their own. */
@ApplicationScoped
public class ConversationStore {

    static final int MAX_TITLE = 80;

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** A new conversation titled by its first question. */
    @Transactional
    public Conversation start(String username, String firstQuestion) {
        String title = firstQuestion.strip().replaceAll("\\s+", " ");
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1) + "…";
        }
        Conversation conversation = new Conversation(username, title, clock.millis());
        em.persist(conversation);
        em.flush();
        return conversation;
    }

    /** The conversation if it exists and belongs to this user. */
    public Optional<Conversation> find(long id, String username) {
        Conversation conversation = em.find(Conversation.class, id);
        return conversation != null && conversation.getUsername().equals(username)
                ? Optional.of(conversation) : Optional.empty();
    }

    @Transactional
    public ConversationMessage append(long conversationId, ConversationMessage.Role role, AnswerSource source,
                                      String content, String toolCallsJson, String sentJson) {
        long now = clock.millis();
        ConversationMessage message = new ConversationMessage(conversationId, now, role, source, content,
                toolCallsJson, sentJson);
        em.persist(message);
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation != null) {
            conversation.touch(now);
        }
        em.flush();
        return message;
    }

    /** The user's conversations, the most recently active first. */
    public List<Conversation> conversations(String username, int limit) {
        return em.createNamedQuery("Conversation.findByUser", Conversation.class).setParameter("username", username)
                .setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** The turns of a conversation in order, at most the last {@code limit}. */
    public List<ConversationMessage> messages(long conversationId, int limit) {
        List<ConversationMessage> all = em.createNamedQuery("ConversationMessage.findByConversation",
                ConversationMessage.class).setParameter("conversation", conversationId).getResultList();
        return all.size() <= limit ? all : all.subList(all.size() - limit, all.size());
    }

    /** One message if its conversation belongs to this user. */
    public Optional<ConversationMessage> message(long id, String username) {
        ConversationMessage message = em.find(ConversationMessage.class, id);
        return message != null && find(message.getConversationId(), username).isPresent()
                ? Optional.of(message) : Optional.empty();
    }
}
