package io.fleetdashboard.cluster.entity;

/**
 * Who holds a lease after one attempt to take or renew it: the holder's id, its fencing token (one higher on every
 * takeover) and whether the asking instance is the holder; takeover when it just took it from another (or first).
 */
public record LeaseState(String holder, long token, boolean held, boolean takeover, long expiresAtMillis) {
}
