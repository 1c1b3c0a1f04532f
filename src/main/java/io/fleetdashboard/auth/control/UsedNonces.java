package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nonces of ID tokens that already signed someone in, until their token expires (plus a margin): the same nonce
 * again is a replay. In this process's memory (one server; after a restart the pending sign-ins are gone too, so an
 * old nonce has nothing to match). Bounded: beyond MAX the expired ones are dropped first, then the oldest.
 */
@ApplicationScoped
public class UsedNonces {

    static final int MAX = 50_000;
    static final long MARGIN_MILLIS = 10 * 60_000L;

    private final Map<String, Long> keepUntil = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /** Marks the nonce used; false when it was used before (a replay). */
    public boolean use(String nonce, long tokenExpiresMillis) {
        long now = clock.millis();
        if (keepUntil.size() >= MAX) {
            keepUntil.values().removeIf(until -> until < now);
        }
        return keepUntil.putIfAbsent(nonce, Math.max(tokenExpiresMillis, now) + MARGIN_MILLIS) == null;
    }

    public boolean seen(String nonce) {
        Long until = keepUntil.get(nonce);
        return until != null && until >= clock.millis();
    }
}
