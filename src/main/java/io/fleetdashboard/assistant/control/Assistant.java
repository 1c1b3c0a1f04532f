package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.Answer;
import io.fleetdashboard.assistant.entity.AnswerSource;
import io.fleetdashboard.assistant.entity.AnswerStoppedException;
import io.fleetdashboard.assistant.entity.Conversation;
import io.fleetdashboard.assistant.entity.ConversationMessage;
import io.fleetdashboard.assistant.entity.ModelException;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import io.fleetdashboard.assistant.entity.SentMessage;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.assistant.entity.ToolRequest;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
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
        // "why is X failing/unhealthy?" goes to a model when there is one, even when it reads like a quick question
        Optional<QuickAnswers.Intent> quick = model.configured() && WHY_FAILING.matcher(text).find() ? Optional.empty()
                : QuickAnswers.intentOf(text);
        boolean byModel = quick.isEmpty() && model.configured();
        List<ConversationMessage> history = byModel ? conversations.messages(conversation.getId(), 20) : List.of();
        conversations.append(conversation.getId(), ConversationMessage.Role.USER, null, text, null, null);

        Answer answer;
        try {
            if (byModel) {
                answer = byModel(conversation.getId(), username, role, history, text, onPiece);
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
                AuditResult.SUCCESS, (System.nanoTime() - started) / 1_000_000, answer.source().label()
                        + (answer.toolCalls().isEmpty() ? "" : "; look-ups: " + String.join(", ",
                        answer.toolCalls().stream().map(ToolCall::name).toList())));
        return answer;
    }

    /** Rounds of tool calls a model may ask for before it must answer. */
    static final int MAX_ROUNDS = 4;
    /** Calls run per round; more are answered "not run". */
    static final int MAX_CALLS_PER_ROUND = 6;

    /**
     * "Why is X failing?" (crashing, down, restarting, unhealthy…), X a container's name or key: its details and,
     * for operators, its recent logs are fetched before the model is asked.
     */
    static final java.util.regex.Pattern WHY_FAILING = java.util.regex.Pattern.compile(
            "(?i)\\bwhy\\s+(?:is|does|did|are|do|has|was)\\s+(?:the\\s+)?(?:container\\s+)?[`\"']?"
                    + "([A-Za-z0-9][A-Za-z0-9_.:\\-]*)[`\"']?\\s+(?:container\\s+)?(?:keep\\s+|still\\s+)?"
                    + "(?:fail|crash|down\\b|restart|unhealthy|dy|die|exit|stop|broken|not\\s+(?:working|running|starting)"
                    + "|erroring|error)");

    @Inject
    FleetTools tools;

    private Answer byModel(long conversation, String username, String role, List<ConversationMessage> history,
                           String question, java.util.function.Consumer<String> onPiece) {
        FleetSnapshot snapshot = snapshots.ifPresent().orElse(null);
        ModelSettings.Connection connection = model.connection();
        Role userRole = Role.highestOf(java.util.Set.of(role == null ? "" : role));
        jakarta.json.JsonArray offered = FleetTools.definitions(userRole);
        int budget = connection.maxContextTokens();
        int toolsTokens = ContextBudget.tokens(offered.toString());
        // the instructions, the history and the question take at most half of what the tools leave
        List<SentMessage> sent = new ArrayList<>(ModelPrompt.messages(snapshot, history, question,
                (budget - toolsTokens) / 2));
        FleetTools.Context context = new FleetTools.Context(snapshot, userRole, username, question);
        List<ToolCall> used = new ArrayList<>();
        StringBuilder received = new StringBuilder();
        String text;
        try {
            if (snapshot != null) {
                prefetch(question, snapshot, userRole, context, sent, used, budget - toolsTokens);
            }
            text = null;
            for (int round = 0; text == null; round++) {
                boolean last = round == MAX_ROUNDS;
                ModelGateway.Reply reply = model.stream(sent, offered, last ? "none" : "auto", piece -> {
                    received.append(piece);
                    onPiece.accept(piece);
                });
                if (reply.toolCalls().isEmpty()) {
                    text = received + (reply.complete() ? "" : "\n\n*(answer cut: it reached the length limit)*");
                } else if (last) {
                    text = received + (received.isEmpty() ? "" : "\n\n") + "*The model asked for more look-ups "
                            + "than allowed (" + MAX_ROUNDS + " rounds) instead of answering.*";
                } else {
                    runCalls(reply, context, sent, used, budget - toolsTokens);
                }
            }
        } catch (AnswerStoppedException stopped) {
            text = received + "\n\n*(stopped)*";
        }
        return new Answer(text, conversation, connection.simulated() ? AnswerSource.SIMULATED : AnswerSource.MODEL,
                snapshot == null ? null : snapshot.freshness().dataAsOf(), used, sent);
    }

    /** Runs the calls a reply asked for, each within its share of what is left of the budget. */
    private void runCalls(ModelGateway.Reply reply, FleetTools.Context context, List<SentMessage> sent,
                          List<ToolCall> used, int budget) {
        List<ToolRequest> calls = reply.toolCalls();
        sent.add(SentMessage.toolRequest(SecretScrubber.scrub(reply.text()), calls));
        int running = Math.min(calls.size(), MAX_CALLS_PER_ROUND);
        for (int i = 0; i < calls.size(); i++) {
            ToolRequest call = calls.get(i);
            if (i >= MAX_CALLS_PER_ROUND) {
                sent.add(SentMessage.toolResult(call.id(), "<tool-error>not run: at most " + MAX_CALLS_PER_ROUND
                        + " calls per round</tool-error>"));
                continue;
            }
            // keep a share back for the calls still to run and the next round
            int left = budget - ContextBudget.tokens(sent);
            int share = Math.max(0, left / (running - i + 1));
            FleetTools.Result result = tools.run(call, context, share);
            sent.add(SentMessage.toolResult(call.id(), result.content()));
            used.add(result.call());
        }
    }

    /** "Why is X failing?": X's details and (role permitting) recent logs, as if the model had asked. */
    private void prefetch(String question, FleetSnapshot snapshot, Role role, FleetTools.Context context,
                          List<SentMessage> sent, List<ToolCall> used, int budget) {
        java.util.regex.Matcher m = WHY_FAILING.matcher(question);
        if (!m.find()) {
            return;
        }
        String key;
        try {
            key = FleetTools.container(snapshot, m.group(1)).key();
        } catch (io.fleetdashboard.api.boundary.BadRequestException notAContainer) {
            return;
        }
        String arguments = jakarta.json.Json.createObjectBuilder().add("container", key).build().toString();
        // one after the other, so the details (state, exit code, restarts, health) get the larger share and the
        // logs what is left of it
        runCalls(new ModelGateway.Reply("", "tool_calls", true, List.of(new ToolRequest("prefetch_details",
                "container_details", arguments))), context, sent, used, budget);
        if (role.includes(Role.OPERATOR)) {
            runCalls(new ModelGateway.Reply("", "tool_calls", true, List.of(new ToolRequest("prefetch_logs",
                    "recent_logs", arguments))), context, sent, used, budget);
        }
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
