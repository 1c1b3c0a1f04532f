package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTarget;
import io.fleetdashboard.portainer.entity.LogQuery;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live follow of one container's logs: asks Docker every {@code logs.follow.poll.millis} for the lines after the
 * last one seen (Docker's follow=1 is not used: a body that never ends cannot go back to the connection pool) and
 * hands them to a {@link Sink}. Between polls no thread is held (each poll is a task on the managed scheduler).
 * <p>
 * A follow holds a stream permit ({@link LogStreamPermits}: per user and in total) until it ends, which it does when
 * the client has gone (a send or the heartbeat of an empty poll fails), when {@code stillWanted} says no (the
 * session ended), after {@code logs.follow.idle.seconds} without a new line, after {@code logs.follow.max.minutes},
 * or when Docker cannot be read. Lines are never collected: each poll's lines go out as they are decoded.
 */
@ApplicationScoped
public class LogFollows {

    private static final Logger LOG = Logger.getLogger(LogFollows.class.getName());

    @Inject
    ContainerLogReader reader;

    @Inject
    LogStreamPermits permits;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "logs.follow.poll.millis", defaultValue = "1000")
    long pollMillis = 1000;

    @Inject
    @ConfigProperty(name = "logs.follow.idle.seconds", defaultValue = "300")
    long idleSeconds = 300;

    @Inject
    @ConfigProperty(name = "logs.follow.max.minutes", defaultValue = "60")
    long maxMinutes = 60;

    Clock clock = Clock.systemUTC();

    /** Where a follow's lines go. */
    public interface Sink {

        /** @return false when the client has gone */
        boolean line(LogLine line);

        /** Tells the client the follow is alive; false when the client has gone. */
        boolean heartbeat();

        /** The follow ended for this reason (the client may be gone already). */
        void end(String reason);
    }

    /**
     * Starts following after {@code request.since()} (now when null), at most {@code request.tail()} lines at
     * first. Throws before anything is sent when the user or everyone is at the stream limit.
     */
    public void start(LogTarget target, LogRequest request, String user, Sink sink, BooleanSupplier stillWanted) {
        LogStreamPermits.Permit permit = permits.acquire(user);
        Follow follow = new Follow(target, request, permit, sink, stillWanted);
        try {
            scheduler.execute(follow::poll);
        } catch (RejectedExecutionException e) {
            follow.finish("the dashboard is too busy to follow logs now");
        }
    }

    private final class Follow {

        private final LogTarget target;
        private final LogRequest request;
        private final LogStreamPermits.Permit permit;
        private final Sink sink;
        private final BooleanSupplier stillWanted;
        private final Instant endsAt;
        private Instant last;
        private Instant lastLineAt;
        private boolean first = true;

        Follow(LogTarget target, LogRequest request, LogStreamPermits.Permit permit, Sink sink,
               BooleanSupplier stillWanted) {
            this.target = target;
            this.request = request;
            this.permit = permit;
            this.sink = sink;
            this.stillWanted = stillWanted;
            Instant now = clock.instant();
            this.endsAt = now.plus(Duration.ofMinutes(maxMinutes));
            this.last = request.since() == null ? now : request.since().minusNanos(1);
            this.lastLineAt = now;
        }

        void poll() {
            try {
                Instant now = clock.instant();
                if (!stillWanted.getAsBoolean()) {
                    finish("the session ended");
                    return;
                }
                if (now.isAfter(endsAt)) {
                    finish("follow ended after " + maxMinutes + " min (LOGS_FOLLOW_MAX_MINUTES); start it again");
                    return;
                }
                if (now.isAfter(lastLineAt.plusSeconds(idleSeconds))) {
                    finish("no new line for " + idleSeconds + " s (LOGS_FOLLOW_IDLE_SECONDS); start it again");
                    return;
                }
                LogQuery query = new LogQuery(request.streams().stdout(), request.streams().stderr(),
                        first ? Integer.valueOf(request.tail()) : null, last.plusNanos(1), true);
                first = false;
                int[] sent = {0};
                boolean alive = reader.decoded(target, query, lines -> send(lines, sent));
                if (alive && sent[0] == 0) {
                    alive = sink.heartbeat();
                }
                if (!alive) {
                    finish(null);
                    return;
                }
                if (sent[0] > 0) {
                    lastLineAt = clock.instant();
                }
                scheduler.schedule(this::poll, pollMillis, TimeUnit.MILLISECONDS);
            } catch (PortainerException | IOException e) {
                finish("the logs could not be read: " + e.getMessage());
            } catch (RejectedExecutionException e) {
                finish("the dashboard is shutting down");
            } catch (RuntimeException e) {
                LOG.warning(() -> "Follow of " + target.key().key() + " failed: " + e);
                finish("the follow failed on our side");
            }
        }

        /** @return false when the client has gone */
        private boolean send(LineSource lines, int[] sent) throws IOException {
            for (LogLine line = lines.next(); line != null; line = lines.next()) {
                // since is inclusive at Docker's precision: skip what was sent already
                if (line.time() != null && !line.time().isAfter(last)) {
                    continue;
                }
                if (line.time() != null) {
                    last = line.time();
                }
                if (!sink.line(line)) {
                    return false;
                }
                sent[0]++;
            }
            return true;
        }

        void finish(String reason) {
            permit.close();
            if (reason != null) {
                sink.end(reason);
            }
        }
    }
}
