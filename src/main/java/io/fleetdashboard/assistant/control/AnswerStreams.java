package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.AnswerStoppedException;
import io.fleetdashboard.assistant.entity.Conversation;
import io.fleetdashboard.assistant.entity.ModelException;
import io.fleetdashboard.assistant.entity.QuestionRejectedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers being streamed: each runs on a managed thread (no request thread waits for the model), keeps what has
 * arrived and hands every new piece to whoever listens (the page's event stream), and can be stopped by its user.
 * At most {@link #PER_USER} run per user; a finished one is kept {@link #KEEP_MILLIS} for a late listener.
 */
@ApplicationScoped
public class AnswerStreams {

    private static final Logger LOG = Logger.getLogger(AnswerStreams.class.getName());
    static final int PER_USER = 2;
    static final long KEEP_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who listens to a stream: the pieces in order, then its end once. */
    public interface Listener {
        void piece(String text);

        /** status: done, stopped or failed; message: the failure's sentence, or null. */
        void end(String status, String message);
    }

    /** One streamed answer. */
    public static final class Stream {
        private final String id;
        private final String username;
        private final long conversation;
        private final StringBuilder text = new StringBuilder();
        private final List<Listener> listeners = new ArrayList<>();
        private volatile boolean stopRequested;
        private String status;
        private String message;
        private long endedAt;

        Stream(String id, String username, long conversation) {
            this.id = id;
            this.username = username;
            this.conversation = conversation;
        }

        public String id() {
            return id;
        }

        public long conversation() {
            return conversation;
        }

        synchronized void piece(String piece) {
            if (stopRequested) {
                throw new AnswerStoppedException();
            }
            text.append(piece);
            for (Listener l : List.copyOf(listeners)) {
                l.piece(piece);
            }
        }

        synchronized void end(String endStatus, String endMessage) {
            status = endStatus;
            message = endMessage;
            endedAt = System.currentTimeMillis();
            for (Listener l : List.copyOf(listeners)) {
                l.end(endStatus, endMessage);
            }
            listeners.clear();
        }

        /** Replays what arrived so far, then follows (or ends at once when the answer is complete). */
        public synchronized void listen(Listener listener) {
            if (!text.isEmpty()) {
                listener.piece(text.toString());
            }
            if (status != null) {
                listener.end(status, message);
            } else {
                listeners.add(listener);
            }
        }

        public synchronized void unlisten(Listener listener) {
            listeners.remove(listener);
        }

        public synchronized boolean running() {
            return status == null;
        }
    }

    @Inject
    Assistant assistant;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    /** Starts answering on a managed thread; the conversation is checked (and created) before this returns. */
    public Stream start(String username, String role, String question, Long conversationId) {
        forgetOld();
        long running = streams.values().stream().filter(s -> s.username.equals(username) && s.running()).count();
        if (running >= PER_USER) {
            throw new QuestionRejectedException("Two answers of yours are still coming: wait for one or stop it.",
                    false);
        }
        Conversation conversation = assistant.open(username, question, conversationId);
        String id = HexFormat.of().formatHex(bytes());
        Stream stream = new Stream(id, username, conversation.getId());
        streams.put(id, stream);
        String text = question.strip();
        try {
            executor.execute(() -> {
                try {
                    assistant.answer(username, role, conversation, text, stream::piece);
                    stream.end(stream.stopRequested ? "stopped" : "done", null);
                } catch (ModelException e) {
                    stream.end("failed", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Answering in conversation " + conversation.getId() + " failed", e);
                    stream.end("failed", "The answer failed; the server log has the details.");
                }
            });
        } catch (RejectedExecutionException e) {
            streams.remove(id);
            throw new QuestionRejectedException("The server is too busy to answer now: try again in a moment.", false);
        }
        return stream;
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The stream if it exists and is this user's. */
    public Optional<Stream> find(String id, String username) {
        Stream s = id == null ? null : streams.get(id);
        return s != null && s.username.equals(username) ? Optional.of(s) : Optional.empty();
    }

    /** Asks the stream to stop at its next piece; false when it is not this user's or has ended. */
    public boolean stop(String id, String username) {
        Optional<Stream> s = find(id, username);
        if (s.isEmpty() || !s.get().running()) {
            return false;
        }
        s.get().stopRequested = true;
        return true;
    }

    private void forgetOld() {
        long now = System.currentTimeMillis();
        streams.values().removeIf(s -> {
            synchronized (s) {
                return s.status != null && now - s.endedAt > KEEP_MILLIS;
            }
        });
    }
}
