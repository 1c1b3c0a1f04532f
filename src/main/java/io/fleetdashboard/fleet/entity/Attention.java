package io.fleetdashboard.fleet.entity;

import java.io.Serializable;

/**
 * Something an operator should look at, ranked when the snapshot is assembled.
 *
 * @param subject the key of what it concerns: an environment name, an endpoint key or a container key
 */
public record Attention(Severity severity, Kind kind, String title, String detail, String subject)
        implements Serializable {

    public enum Severity { CRITICAL, WARNING }

    /** In the order they are listed: a failed refresh hides the most, an unhealthy container the least. */
    public enum Kind { REFRESH_FAILED, CRASH_LOOP, ENDPOINT_OFFLINE, ENDPOINT_ERROR, UNHEALTHY }
}
