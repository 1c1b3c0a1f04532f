package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.RememberMeTokens;
import io.fleetdashboard.auth.control.SessionPolicy;
import io.fleetdashboard.auth.control.SignInAudit;
import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.entity.SignInMethod;
import java.util.Map;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The session side of "keep me signed in". The container signs in a request whose remember-me cookie is valid
 * (Jakarta Security's @RememberMe on FleetAuthenticationMechanism, tokens in RememberMeTokens); when that request
 * has no session yet (after a restart, or a new browser session), a session is started for the remembered user and
 * the token is rotated. Signing out revokes the token's series and clears the cookie.
 */
@ApplicationScoped
public class RememberedSignIn {

    /** The remember-me cookie (HttpOnly, SameSite=Lax, Secure when the client uses HTTPS). */
    public static final String COOKIE = "FLEET_REMEMBER_ME";

    @Inject
    RememberMeTokens tokens;

    @Inject
    SessionPolicy sessionPolicy;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInAudit audit;

    /** Starts the session of a request signed in by its remember-me cookie; null when the cookie is not valid. */
    SignedInUser resume(HttpServletRequest request, HttpServletResponse response) {
        String token = token(request);
        if (token == null) {
            return null;
        }
        return tokens.rotate(token).map(issued -> {
            if (issued.token() != null) {
                response.addCookie(cookie(request, issued.token(), tokens.lifetimeSeconds()));
            }
            SignedInUser user = new SignedInUser(issued.username(), issued.role(), true,
                    sessionPolicy.timeoutSeconds(true), System.currentTimeMillis(), SignInMethod.REMEMBERED,
                    request.getRemoteAddr(), request.getHeader("User-Agent"), Map.of(), null);
            Sessions.start(request, user);
            sessions.seen(user);
            audit.signedIn(user);
            return user;
        }).orElse(null);
    }

    /** Sign-out: the kept sign-in ends on every device it was rotated to, and the browser forgets the cookie. */
    void forget(HttpServletRequest request, HttpServletResponse response) {
        String token = token(request);
        if (token != null) {
            tokens.revoke(token);
            response.addCookie(cookie(request, "", 0));
        }
    }

    public int lifetimeSeconds() {
        return tokens.lifetimeSeconds();
    }

    private static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        return Sessions.cookie(request, COOKIE, value, maxAge);
    }
}
