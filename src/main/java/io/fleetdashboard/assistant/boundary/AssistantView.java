package io.fleetdashboard.assistant.boundary;

import io.fleetdashboard.assistant.control.AnswerJson;
import io.fleetdashboard.assistant.control.Assistant;
import io.fleetdashboard.assistant.control.QuickAnswers;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import io.fleetdashboard.assistant.entity.ConversationSummary;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Assistant page: a question box, the conversation's turns, the user's history, "new conversation". */
@Named
@ViewScoped
public class AssistantView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    Assistant assistant;

    @Inject
    CurrentUser currentUser;

    @Inject
    io.fleetdashboard.assistant.control.AnswerStreams streams;

    /** The answer being streamed into the page, or null. */
    private String streamId;

    private Long conversation;
    private String question;

    /** The conversation named by the address (?conversation=id); someone else's shows as a new one. */
    public String getConversationParameter() {
        return conversation == null ? null : String.valueOf(conversation);
    }

    public void setConversationParameter(String value) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            conversation = assistant.conversation(id, currentUser.getName()).isPresent() ? id : null;
        } catch (NumberFormatException e) {
            conversation = null;
        }
    }

    public Long getConversation() {
        return conversation;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    /** "none", "simulated" or "model": who answers free-form questions. */
    public String getModelState() {
        return assistant.modelState();
    }

    public List<String> getQuickQuestions() {
        return QuickAnswers.QUESTIONS;
    }

    /** Same role as POST /api/v1/assistant/ask: any signed-in user (it reads only). */
    public void ask() {
        send(question);
    }

    public void askQuick(String quick) {
        send(quick);
    }

    private void send(String text) {
        currentUser.require(Role.VIEWER);
        try {
            var stream = streams.start(currentUser.getName(), currentUser.getRoleName(), text, conversation);
            conversation = stream.conversation();
            streamId = stream.id();
            question = null;
        } catch (QuestionRejectedException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
    }

    /** The streamed answer ended (the page's script says so): show the conversation as kept. */
    public void answered() {
        streamId = null;
    }

    public String getStreamId() {
        return streamId;
    }

    public void newConversation() {
        streamId = null;
        conversation = null;
        question = null;
    }

    public String getTitle() {
        return conversation == null ? "New conversation" : assistant.conversation(conversation, currentUser.getName())
                .map(c -> c.getTitle()).orElse("New conversation");
    }

    public List<TurnRow> getTurns() {
        if (conversation == null) {
            return List.of();
        }
        return assistant.messages(conversation).stream().map(TurnRow::new).toList();
    }

    public List<HistoryRow> getHistory() {
        return assistant.history(currentUser.getName(), 30).stream().map(ConversationSummary::of)
                .map(c -> new HistoryRow(c, conversation != null && conversation == c.id())).toList();
    }

    /** One turn; JavaBean getters because EL cannot read record components. */
    public static final class TurnRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ConversationMessage message;

        TurnRow(ConversationMessage message) {
            this.message = message;
        }

        public long getId() {
            return message.getId();
        }

        public boolean isUser() {
            return message.getRole() == ConversationMessage.Role.USER;
        }

        public String getText() {
            return message.getContent();
        }

        public String getSource() {
            return message.getSource() == null ? "" : message.getSource().label();
        }

        public boolean isSimulated() {
            return message.getSource() == io.fleetdashboard.assistant.entity.AnswerSource.SIMULATED;
        }

        public String getTime() {
            return TIME.format(Instant.ofEpochMilli(message.getAt())) + " UTC";
        }

        public List<ToolCall> getToolCalls() {
            return AnswerJson.toolCalls(message.getToolCalls());
        }

        public List<SentMessage> getSent() {
            return AnswerJson.sent(message.getSent());
        }
    }

    /** A conversation in the history list. */
    public static final class HistoryRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ConversationSummary summary;
        private final boolean current;

        HistoryRow(ConversationSummary summary, boolean current) {
            this.summary = summary;
            this.current = current;
        }

        public long getId() {
            return summary.id();
        }

        public String getTitle() {
            return summary.title();
        }

        public String getWhen() {
            return TIME.format(summary.updatedAt()) + " UTC";
        }

        public boolean isCurrent() {
            return current;
        }
    }
}
