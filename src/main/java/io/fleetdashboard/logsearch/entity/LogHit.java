package io.fleetdashboard.logsearch.entity;

import java.io.Serializable;
import java.time.Instant;

/** One log line found: when, on which host, from which container, at which level, and the message. */
public record LogHit(Instant timestamp, String hostname, String container, String level, String message)
        implements Serializable {
}
