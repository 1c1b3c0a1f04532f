package io.fleetdashboard.logs.entity;

import java.time.Instant;

/**
 * One decoded log line, without its line break.
 *
 * @param source    the container the line belongs to in a multi-container view (its name), else null
 * @param channel   stdout, stderr or Docker's own error
 * @param time      Docker's timestamp of the line, null when it was not asked for or could not be read
 * @param text      the line, invalid UTF-8 replaced by U+FFFD
 * @param continued true for a piece of a line longer than the per-line buffer (it follows the previous piece)
 */
public record LogLine(String source, LogChannel channel, Instant time, String text, boolean continued) {

    public LogLine withSource(String name) {
        return new LogLine(name, channel, time, text, continued);
    }
}
