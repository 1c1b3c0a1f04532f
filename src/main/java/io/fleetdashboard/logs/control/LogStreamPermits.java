package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogsUnavailableException;
import io.fleetdashboard.logs.entity.LogsUnavailableException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the log streams open at once, per user and in total (each holds a Portainer connection and a managed
 * thread while it runs). A stream takes a permit before it starts and gives it back when it ends however it ends.
 */
@ApplicationScoped
public class LogStreamPermits {

    @Inject
    @ConfigProperty(name = "logs.streams.max.total", defaultValue = "16")
    int maxTotal = 16;

    @Inject
    @ConfigProperty(name = "logs.streams.max.per.user", defaultValue = "4")
    int maxPerUser = 4;

    private int total;
    private final Map<String, Integer> perUser = new HashMap<>();

    /** A held permit; closing it twice gives it back once. */
    public final class Permit implements AutoCloseable {

        private final String user;
        private boolean closed;

        private Permit(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            synchronized (LogStreamPermits.this) {
                if (!closed) {
                    closed = true;
                    total--;
                    perUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
                }
            }
        }
    }

    /** @throws LogsUnavailableException TOO_MANY when the user or everyone together is at the limit */
    public synchronized Permit acquire(String user) {
        int mine = perUser.getOrDefault(user, 0);
        if (mine >= maxPerUser) {
            throw new LogsUnavailableException(Reason.TOO_MANY, "You have " + maxPerUser + " log streams open "
                    + "already (LOGS_STREAMS_MAX_PER_USER): close one, or wait for one to end.");
        }
        if (total >= maxTotal) {
            throw new LogsUnavailableException(Reason.TOO_MANY, maxTotal + " log streams are open on this "
                    + "dashboard already (LOGS_STREAMS_MAX_TOTAL): try again shortly.");
        }
        total++;
        perUser.put(user, mine + 1);
        return new Permit(user);
    }

    /** Streams open now, in total. */
    public synchronized int open() {
        return total;
    }

    /** Streams open now for one user. */
    public synchronized int open(String user) {
        return perUser.getOrDefault(user, 0);
    }
}
