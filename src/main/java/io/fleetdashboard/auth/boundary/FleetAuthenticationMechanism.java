package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.SessionPolicy;
import io.fleetdashboard.auth.control.SignIn;
import io.fleetdashboard.auth.entity.SignInOutcome;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The application's one authentication mechanism: HTTP Basic on API paths, the signed-in session everywhere.
 * It only establishes who the caller is (so getUserPrincipal and SecurityContext work everywhere); whether the
 * caller may proceed is decided in one place, AccessFilter, from AccessPolicy. Sign-in itself happens on
 * /signin.xhtml through SignIn, which uses the same identity store and throttle as Basic.
 */
@ApplicationScoped
public class FleetAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AccessPolicy policy;

    @Inject
    SignIn signIn;

    @Inject
    SessionPolicy sessionPolicy;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = Sessions.path(request);
        String authorization = request.getHeader("Authorization");
        if (policy.isApi(path) && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, context);
        }
        HttpSession session = request.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(Sessions.USER);
        if (user == null) {
            return context.doNothing();
        }
        long now = System.currentTimeMillis();
        if (user.expired(now)) {
            session.invalidate();
            request.setAttribute(Sessions.EXPIRED, Boolean.TRUE);
            return context.doNothing();
        }
        // The countdown's polling must not keep a forgotten tab signed in forever.
        if (!AccessPolicy.SESSION_STATUS.equals(path)) {
            request.setAttribute(Sessions.PREVIOUS_ACTIVITY, user.getLastActivityMillis());
            user.touch(now);
        }
        request.setAttribute(Sessions.REQUEST_USER, user);
        return context.notifyContainerAboutLogin(user.getUsername(), user.getRole().groupNames());
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String key = colon < 0 ? "" : decoded.substring(colon + 1);
        SignInOutcome outcome = signIn.attempt(username, key, request.getRemoteAddr());
        if (outcome.status() == SignInOutcome.Status.LOCKED) {
            request.setAttribute(Sessions.LOCKED_SECONDS, outcome.retryAfterSeconds());
        }
        if (!outcome.succeeded()) {
            return context.doNothing();
        }
        SignedInUser user = new SignedInUser(outcome.username(), outcome.role(), false,
                sessionPolicy.timeoutSeconds(false), System.currentTimeMillis());
        request.setAttribute(Sessions.REQUEST_USER, user);
        request.setAttribute(Sessions.BASIC, Boolean.TRUE);
        return context.notifyContainerAboutLogin(user.getUsername(), user.getRole().groupNames());
    }
}
