package io.fleetdashboard.live.control;

import io.fleetdashboard.live.entity.LiveChange;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open live-update streams of the pages (server-sent events): each one listens for some topics; a LiveChange
 * of its topic sends it an event named after the topic, with the time as data. Nothing is computed for a stream:
 * the page reloads what it shows through its own request. A comment every HEARTBEAT_SECONDS keeps proxies from
 * closing an idle stream and finds streams whose browser went away or whose session ended; those are closed and
 * forgotten. At most LIVE_MAX_STREAMS streams are open at once (a page falls back to its slow poll beyond that).
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    static final long HEARTBEAT_SECONDS = 25;

    /** Too many streams are open. */
    public static final class FullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FullException(int max) {
            super("Too many live-update streams are open (" + max + "); the page refreshes itself more slowly.");
        }
    }

    record Listener(Sse sse, Set<LiveChange.Topic> topics, BooleanSupplier alive) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "live.max.streams", defaultValue = "500")
    int maxStreams = 500;

    private final Map<SseEventSink, Listener> listeners = new ConcurrentHashMap<>();
    private ScheduledFuture<?> heartbeat;

    /** Keeps the stream open for those topics until it fails, its browser goes away or {@code alive} says no. */
    public void listen(SseEventSink sink, Sse sse, Set<LiveChange.Topic> topics, BooleanSupplier alive) {
        if (listeners.size() >= Math.max(1, maxStreams)) {
            throw new FullException(maxStreams);
        }
        startHeartbeat();
        listeners.put(sink, new Listener(sse, Set.copyOf(topics), alive));
        send(sink, sse.newEventBuilder().comment("listening to " + topics.size() + " topics").build());
    }

    void onChange(@Observes LiveChange change) {
        listeners.forEach((sink, listener) -> {
            if (listener.topics().contains(change.topic())) {
                send(sink, listener.sse().newEventBuilder().name(change.topic().apiName())
                        .data(change.at().toString()).build());
            }
        });
    }

    public int open() {
        return listeners.size();
    }

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    void beat() {
        listeners.forEach((sink, listener) -> {
            if (!listener.alive().getAsBoolean()) {
                close(sink);
            } else {
                send(sink, listener.sse().newEventBuilder().comment("alive").build());
            }
        });
    }

    /** Sends without waiting; a stream whose send fails is closed and forgotten. */
    private void send(SseEventSink sink, OutboundSseEvent event) {
        if (sink.isClosed()) {
            listeners.remove(sink);
            return;
        }
        try {
            sink.send(event).whenComplete((ignored, error) -> {
                if (error != null) {
                    close(sink);
                }
            });
        } catch (RuntimeException e) {
            close(sink);
        }
    }

    private void close(SseEventSink sink) {
        listeners.remove(sink);
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.fine(() -> "A live-update stream did not close cleanly: " + e);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        listeners.keySet().forEach(this::close);
    }
}
