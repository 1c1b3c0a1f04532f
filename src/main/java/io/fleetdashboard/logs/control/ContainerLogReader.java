package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTarget;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.LogQuery;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the logs of one container, or of several interleaved by time ({@link LogMerge}), as lines handed to the
 * caller while the Docker streams are open; nothing is collected. Docker is always asked for timestamps (the merge
 * and live views need them; showing them is the caller's choice).
 * <p>
 * Bounds: a stream permit per reading ({@link LogStreamPermits}), at most {@code logs.max.line.bytes} per line and
 * stream, and a deadline ({@code logs.read.deadline.seconds}) after which the reading ends with a note. A single
 * container whose stream cannot be opened fails with the gateway's exception (so the API can answer with the right
 * status); in a multi-container reading that container gets a note line and the others go on. A stream that breaks
 * off while being read ends with a note line. Log contents are never logged.
 */
@ApplicationScoped
public class ContainerLogReader {

    private static final Logger LOG = Logger.getLogger(ContainerLogReader.class.getName());

    @Inject
    PortainerGateway gateway;

    @Inject
    LogSources sources;

    @Inject
    LogStreamPermits permits;

    @Inject
    @ConfigProperty(name = "logs.read.deadline.seconds", defaultValue = "120")
    int deadlineSeconds = 120;

    @Inject
    @ConfigProperty(name = "logs.max.line.bytes", defaultValue = "65536")
    int maxLineBytes = 65_536;

    Clock clock = Clock.systemUTC();

    /** Uses the lines while the streams are open. */
    @FunctionalInterface
    public interface LinesUse {
        void use(LineSource lines) throws IOException;
    }

    /** Reads the decoded lines of one container's logs stream while it is open. */
    @FunctionalInterface
    public interface DecodedUse<T> {
        T use(LineSource lines) throws IOException;
    }

    /** Opens one container's logs stream (Docker's answer to the query) and hands its decoded lines to use. */
    public <T> T decoded(LogTarget target, LogQuery query, DecodedUse<T> use) throws IOException {
        return gateway.logs(sources.connection(target.key()), target.key().endpointId(), target.key().containerId(),
                query, body -> use.use(new DockerLogDecoder(body, target.source().tty(), true, maxLineBytes)));
    }

    /** One container, lines untagged; a stream that cannot be opened is the gateway's exception. */
    public void read(LogTarget target, LogRequest request, String user, LinesUse use) throws IOException {
        try (LogStreamPermits.Permit permit = permits.acquire(user)) {
            Instant deadline = clock.instant().plusSeconds(deadlineSeconds);
            decoded(target, query(request), lines -> {
                use.use(withDeadline(ending(target, lines), deadline));
                return null;
            });
        }
    }

    /**
     * Several containers interleaved by time, each line tagged with its container's name, after the given notes
     * (containers already known to be unreadable); a container whose stream cannot be opened gets a note too.
     */
    public void read(List<LogTarget> targets, List<LogLine> notes, LogRequest request, String user, LinesUse use)
            throws IOException {
        try (LogStreamPermits.Permit permit = permits.acquire(user)) {
            Instant deadline = clock.instant().plusSeconds(deadlineSeconds);
            openAll(targets, 0, query(request), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(notes),
                    deadline, use);
        }
    }

    private static LogQuery query(LogRequest request) {
        return new LogQuery(request.streams().stdout(), request.streams().stderr(), request.tail(), request.since(),
                true);
    }

    /** Opens the streams one after the other, each inside the previous one's, then merges them all. */
    private void openAll(List<LogTarget> targets, int index, LogQuery query, List<LineSource> open,
                         List<String> names, List<LogLine> notes, Instant deadline, LinesUse use) throws IOException {
        if (index == targets.size()) {
            LineSource merged = new LogMerge(open, names);
            Deque<LogLine> first = new ArrayDeque<>(notes);
            use.use(withDeadline(() -> first.isEmpty() ? merged.next() : first.poll(), deadline));
            return;
        }
        LogTarget target = targets.get(index);
        boolean[] opened = {false};
        try {
            decoded(target, query, lines -> {
                opened[0] = true;
                open.add(ending(target, lines));
                names.add(target.name());
                openAll(targets, index + 1, query, open, names, notes, deadline, use);
                return null;
            });
        } catch (PortainerException e) {
            if (opened[0]) {
                throw e;
            }
            notes.add(note(target.name(), "logs could not be read: " + e.getMessage()));
            openAll(targets, index + 1, query, open, names, notes, deadline, use);
        }
    }

    /** A stream that breaks off ends with a note instead of an exception, so the lines so far stay usable. */
    private static LineSource ending(LogTarget target, LineSource lines) {
        boolean[] ended = {false};
        return () -> {
            if (ended[0]) {
                return null;
            }
            try {
                return lines.next();
            } catch (PortainerException | MalformedLogStreamException e) {
                ended[0] = true;
                LOG.fine(() -> "Log stream of " + target.key().key() + " ended early: " + e.getMessage());
                return note(null, "the log stream broke off: " + e.getMessage());
            }
        };
    }

    private LineSource withDeadline(LineSource lines, Instant deadline) {
        boolean[] cut = {false};
        return () -> {
            if (cut[0]) {
                return null;
            }
            if (clock.instant().isAfter(deadline)) {
                cut[0] = true;
                return note(null, "cut off: reading took longer than " + deadlineSeconds
                        + " s (LOGS_READ_DEADLINE_SECONDS)");
            }
            return lines.next();
        };
    }

    static LogLine note(String source, String text) {
        return new LogLine(source, LogChannel.SYSTEM, null, text, false);
    }
}
