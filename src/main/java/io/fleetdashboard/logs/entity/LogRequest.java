package io.fleetdashboard.logs.entity;

import java.time.Instant;

/**
 * What a user asked to see of one or more containers' logs.
 *
 * @param tail       the last N lines of each container (Docker applies it before since, so a tail with a time
 *                   range can give fewer)
 * @param since      only lines at or after this instant; null for no bound
 * @param timestamps show each line's timestamp
 * @param streams    stdout, stderr or both
 */
public record LogRequest(int tail, Instant since, boolean timestamps, StreamChoice streams) {

    public static final int MIN_TAIL = 1;
    public static final int MAX_TAIL = 10_000;
    public static final int DEFAULT_TAIL = 500;
}
