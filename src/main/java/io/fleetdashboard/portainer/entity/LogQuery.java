package io.fleetdashboard.portainer.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The parameters of Docker's containers/{id}/logs. Docker applies {@code tail} before {@code since}: the last N
 * lines are chosen first and then those older than since dropped, so a tail with a time range can return fewer
 * lines.
 *
 * @param stdout     include stdout
 * @param stderr     include stderr; at least one of the two (Docker answers 400 otherwise)
 * @param tail       the last N lines, null for all
 * @param since      only lines at or after this instant, null for no bound
 * @param timestamps ask Docker to prefix each line with its RFC 3339 timestamp
 * Docker's follow=1 is not offered: a body that never ends cannot be given back to the connection pool (closing it
 * reads it to the end), so live views ask again with since set after the last line.
 */
public record LogQuery(boolean stdout, boolean stderr, Integer tail, Instant since, boolean timestamps) {

    public LogQuery {
        if (!stdout && !stderr) {
            throw new IllegalArgumentException("Choose stdout, stderr or both");
        }
        if (tail != null && tail < 0) {
            throw new IllegalArgumentException("tail must not be negative");
        }
    }

    /** Docker's tail parameter: a number or "all". */
    public String dockerTail() {
        return tail == null ? "all" : Integer.toString(tail);
    }

    /** Docker's since parameter: unix seconds with up to nine decimals, null when absent. */
    public String dockerSince() {
        if (since == null) {
            return null;
        }
        BigDecimal seconds = BigDecimal.valueOf(since.getEpochSecond()).add(BigDecimal.valueOf(since.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString();
    }

    /** Every line after the given instant (the next poll of a live view), same streams. */
    public LogQuery after(Instant last) {
        return new LogQuery(stdout, stderr, null, last.plusNanos(1), timestamps);
    }
}
