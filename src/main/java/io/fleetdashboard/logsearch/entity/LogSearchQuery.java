package io.fleetdashboard.logsearch.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One search of the shipped container logs.
 *
 * @param hostname  the agent's hostname (as the log shipper reports it), or null for every host
 * @param container a container name, matched as a prefix or exactly ({@code exact}); null for any
 * @param text      a phrase the message must contain; null for any
 * @param from      start of the range, inclusive; at most {@link #LONGEST_RANGE} before {@code to}
 * @param size      1 to {@link #MAX_SIZE} results, newest first
 */
public record LogSearchQuery(String hostname, String container, boolean exact, String text, Instant from, Instant to,
                             int size) implements Serializable {

    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 200;
    public static final Duration LONGEST_RANGE = Duration.ofDays(7);

    public LogSearchQuery {
        hostname = blankToNull(hostname);
        container = blankToNull(container);
        text = blankToNull(text);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new IllegalArgumentException("the range is longer than 7 days");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
