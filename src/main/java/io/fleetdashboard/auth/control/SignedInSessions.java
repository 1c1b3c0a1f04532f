package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.LiveSession;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in now: every session sign-in (form, single sign-on, kept sign-in) by its sign-in id, with its last
 * activity, and the sign-ins an administrator ended. A forced end is honoured by FleetAuthenticationMechanism on the
 * session's next request (the session is invalidated then, wherever it is cached) and revokes the user's kept
 * sign-ins, so the remember-me cookie cannot start a new session. Held in this process's memory: a session that
 * survived a restart in the session cache is listed again at its next request.
 */
@ApplicationScoped
public class SignedInSessions {

    static final int MAX_ENDED = 10_000;

    @Inject
    RememberMeTokens rememberMe;

    @Inject
    SignInAudit audit;

    private final Map<String, SignedInUser> live = new ConcurrentHashMap<>();
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /** A request of that sign-in arrived (or it just started): listed, with its activity as the user holds it. */
    public void seen(SignedInUser user) {
        if (!ended.containsKey(user.getSignInId())) {
            live.put(user.getSignInId(), user);
        }
    }

    /** True when an administrator ended that sign-in. */
    public boolean ended(SignedInUser user) {
        return ended.containsKey(user.getSignInId());
    }

    /** The user signed out, or the session ran out or was invalidated. */
    public void gone(SignedInUser user) {
        live.remove(user.getSignInId());
    }

    /** Ends a sign-in; the user it belonged to, or empty when no such session is signed in. */
    public Optional<SignedInUser> end(String signInId) {
        SignedInUser user = signInId == null ? null : live.remove(signInId);
        if (user == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (ended.size() >= MAX_ENDED) {
            ended.values().removeIf(at -> at < now - SessionPolicy.KEEP_SIGNED_IN.toMillis());
        }
        ended.put(signInId, now);
        if (user.isKeepSignedIn()) {
            rememberMe.revokeUser(user.getUsername());
        }
        return Optional.of(user);
    }

    /** An administrator ends a sign-in (page and API): ended or not, it is in the audit log. */
    public Optional<SignedInUser> endByAdmin(String signInId, String admin, String adminRole, String address) {
        Optional<SignedInUser> ended = end(signInId);
        audit.ended(admin, adminRole, ended.orElse(null), ended.isPresent(), address);
        return ended;
    }

    /** Live sessions, most recently active first; those whose inactivity timeout passed are dropped. */
    public List<LiveSession> list() {
        long now = clock.millis();
        live.values().removeIf(user -> user.expired(now));
        return live.values().stream()
                .sorted(Comparator.comparingLong(SignedInUser::getLastActivityMillis).reversed())
                .map(SignedInSessions::summary)
                .toList();
    }

    public Optional<LiveSession> find(String signInId) {
        SignedInUser user = signInId == null ? null : live.get(signInId);
        return user == null || user.expired(clock.millis()) ? Optional.empty() : Optional.of(summary(user));
    }

    static LiveSession summary(SignedInUser user) {
        Map<String, String> scoped = new LinkedHashMap<>();
        user.getScopedRoles().forEach((environment, role) -> scoped.put(environment, role.groupName()));
        return new LiveSession(user.getSignInId(), user.getUsername(), user.getRole().groupName(), scoped,
                user.getMethod().label(), user.getAddress() == null ? "" : user.getAddress(),
                user.getUserAgent() == null ? "" : user.getUserAgent(), Instant.ofEpochMilli(user.getSinceMillis()),
                Instant.ofEpochMilli(user.getLastActivityMillis()), user.isKeepSignedIn());
    }
}
