package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.Answer;
import io.fleetdashboard.assistant.entity.AnswerSource;
import io.fleetdashboard.assistant.entity.AnswerStoppedException;
import io.fleetdashboard.assistant.entity.Conversation;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import io.fleetdashboard.assistant.entity.ModelException;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers a user's question in one of their conversations (a new one when none is named) and keeps both turns.
 * Read-only towards the fleet: it reads the snapshot, never Portainer, and changes nothing but the conversation.
 * The quick questions are answered by rules from the snapshot; any other question gets the note that free-form
 * questions need a model.
 */
@ApplicationScoped
public class Assistant {

    public static final int MAX_QUESTION = 4000;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @Inject
    ConversationStore conversations;

    @Inject
    AuditLog audit;

    @Inject
    ModelGateway model;

    public Answer ask(String username, String role, String question, Long conversationId) {
        Conversation conversation = open(username, question, conversationId);
        return answer(username, role, conversation, question.strip(), piece -> { });
    }

    /** Checks the question and returns the conversation it goes into (a new one when none is named). */
    public Conversation open(String username, String question, Long conversationId) {
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            throw new QuestionRejectedException("Ask a question: \"question\" is empty.", false);
        }
        if (text.length() > MAX_QUESTION) {
            throw new QuestionRejectedException("A question has at most " + MAX_QUESTION + " characters.", false);
        }
        return conversationId == null ? conversations.start(username, text)
                : conversations.find(conversationId, username).orElseThrow(() -> new QuestionRejectedException(
                        "There is no conversation " + conversationId + " of yours.", true));
    }

    /**
     * Answers the question in the conversation, handing each piece of the answer to {@code onPiece} as it arrives
     * (a rules answer is one piece); {@code onPiece} throwing {@link AnswerStoppedException} stops a model's answer,
     * which is then kept as far as it came.
     */
    public Answer answer(String username, String role, Conversation conversation, String text,
                         java.util.function.Consumer<String> onPiece) {
        long started = System.nanoTime();
        Optional<QuickAnswers.Intent> quick = QuickAnswers.intentOf(text);
        boolean byModel = quick.isEmpty() && model.configured();
        List<ConversationMessage> history = byModel ? conversations.messages(conversation.getId(), 20) : List.of();
        conversations.append(conversation.getId(), ConversationMessage.Role.USER, null, text, null, null);

        Answer answer;
        try {
            if (byModel) {
                answer = byModel(conversation.getId(), history, text, onPiece);
            } else {
                answer = byRules(conversation.getId(), text);
                onPiece.accept(answer.answer());
            }
        } catch (ModelException e) {
            conversations.append(conversation.getId(), ConversationMessage.Role.ASSISTANT,
                    model.simulated() ? AnswerSource.SIMULATED : AnswerSource.MODEL,
                    "**The model could not answer:** " + e.getMessage(), null, null);
            audit.record(username, role, "assistant.ask", String.valueOf(conversation.getId()),
                    conversation.getTitle(), AuditResult.FAILURE, (System.nanoTime() - started) / 1_000_000,
                    e.getMessage());
            throw e;
        }
        conversations.append(conversation.getId(), ConversationMessage.Role.ASSISTANT, answer.source(),
                answer.answer(), AnswerJson.toolCalls(answer.toolCalls()), AnswerJson.sent(answer.sent()));
        audit.record(username, role, "assistant.ask", String.valueOf(conversation.getId()), conversation.getTitle(),
                AuditResult.SUCCESS, (System.nanoTime() - started) / 1_000_000, answer.source().label());
        return answer;
    }

    private Answer byModel(long conversation, List<ConversationMessage> history, String question,
                           java.util.function.Consumer<String> onPiece) {
        FleetSnapshot snapshot = snapshots.ifPresent().orElse(null);
        ModelSettings.Connection connection = model.connection();
        List<io.fleetdashboard.assistant.entity.SentMessage> sent = ModelPrompt.messages(snapshot, history, question,
                connection.maxContextTokens());
        StringBuilder received = new StringBuilder();
        String text;
        try {
            ModelGateway.Reply reply = model.stream(sent, piece -> {
                received.append(piece);
                onPiece.accept(piece);
            });
            text = reply.text() + (reply.complete() ? "" : "\n\n*(answer cut: it reached the length limit)*");
        } catch (AnswerStoppedException stopped) {
            text = received + "\n\n*(stopped)*";
        }
        return new Answer(text, conversation, connection.simulated() ? AnswerSource.SIMULATED : AnswerSource.MODEL,
                snapshot == null ? null : snapshot.freshness().dataAsOf(),
                List.of(new io.fleetdashboard.assistant.entity.ToolCall("fleet_summary", "{}", 1, 1,
                        List.of(new io.fleetdashboard.assistant.entity.Citation("Fleet summary (Home)",
                                "index.xhtml")))), sent);
    }

    private Answer byRules(long conversation, String question) {
        Optional<FleetSnapshot> snapshot = snapshots.ifPresent();
        Optional<QuickAnswers.Intent> intent = QuickAnswers.intentOf(question);
        if (intent.isEmpty()) {
            return new Answer(withoutModelNote(), conversation, AnswerSource.RULES,
                    snapshot.map(s -> s.freshness().dataAsOf()).orElse(null), List.of(), List.of());
        }
        if (snapshot.isEmpty()) {
            return new Answer("The first collection of the fleet is still running; ask again in a moment.",
                    conversation, AnswerSource.RULES, null, List.of(), List.of());
        }
        FleetSnapshot s = snapshot.get();
        QuickAnswers.Reply reply = new QuickAnswers(queries).answer(intent.get(), s);
        return new Answer(reply.markdown() + "\n" + freshness(s), conversation, AnswerSource.RULES,
                s.freshness().dataAsOf(), reply.toolCalls(), List.of());
    }

    static String freshness(FleetSnapshot s) {
        Instant asOf = s.freshness().dataAsOf() != null ? s.freshness().dataAsOf() : s.takenAt();
        return "*Quick answer from the fleet snapshot, data as of " + asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + (s.freshness().degraded() ? " (partly stale: some endpoints could not be read)" : "")
                + (s.demo() ? "; simulated fleet" : "") + ".*";
    }

    static String withoutModelNote() {
        StringBuilder md = new StringBuilder("No language model is configured, so I answer only these quick questions "
                + "from the fleet snapshot:\n\n");
        for (String q : QuickAnswers.QUESTIONS) {
            md.append("- ").append(q).append('\n');
        }
        md.append("\nFor free-form questions an administrator configures an OpenAI-compatible model "
                + "(`LLM_API_ENDPOINT`, `LLM_BEARER_TOKEN`, `LLM_MODEL`; see the README).\n");
        return md.toString();
    }

    public List<Conversation> history(String username, int limit) {
        return conversations.conversations(username, limit);
    }

    public Optional<Conversation> conversation(long id, String username) {
        return conversations.find(id, username);
    }

    public List<ConversationMessage> messages(long conversationId) {
        return conversations.messages(conversationId, 200);
    }

    public Optional<ConversationMessage> message(long id, String username) {
        return conversations.message(id, username);
    }

    /** Who answers free-form questions: "none", "simulated" (demo mode's stand-in) or "model". */
    public String modelState() {
        return !model.configured() ? "none" : model.simulated() ? "simulated" : "model";
    }
}
