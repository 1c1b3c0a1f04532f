package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.SessionPolicy;
import io.fleetdashboard.auth.control.OidcSettings;
import io.fleetdashboard.auth.control.SignIn;
import io.fleetdashboard.auth.control.SignInAudit;
import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.entity.SignInMethod;
import java.util.Map;
import io.fleetdashboard.auth.entity.SignInOutcome;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
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
 * caller may proceed is decided in one place, AccessFilter, from AccessPolicy. The sign-in form comes here through
 * SecurityContext.authenticate and uses the same check (SignIn: identity store and throttle) as Basic. "Keep me
 * signed in" is Jakarta Security's @RememberMe with tokens in SQLite (RememberMeIdentity): a valid remember-me
 * cookie signs the request in before this mechanism runs, and AccessFilter then starts its session.
 */
@RememberMe(cookieName = RememberedSignIn.COOKIE,
        cookieMaxAgeSecondsExpression = "#{self.rememberMeSeconds()}",
        cookieSecureOnlyExpression = "#{self.secure(httpMessageContext)}",
        cookieHttpOnly = true,
        isRememberMeExpression = "#{self.rememberMe(httpMessageContext)}")
@ApplicationScoped
public class FleetAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute: the SignInOutcome of a form sign-in (SecurityContext.authenticate from SignInView). */
    static final String SIGN_IN_OUTCOME = "io.fleetdashboard.auth.signInOutcome";

    @Inject
    RememberedSignIn remembered;

    @Inject
    AccessPolicy policy;

    @Inject
    SignIn signIn;

    @Inject
    SessionPolicy sessionPolicy;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInAudit audit;

    @Inject
    OidcSettings oidc;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
            return form(login, context.getAuthParameters().isRememberMe(), request, context);
        }
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
        if (sessions.ended(user)) {
            // An administrator ended this sign-in (Sessions page): the session goes now, wherever it is cached.
            session.invalidate();
            request.setAttribute(Sessions.EXPIRED, Boolean.TRUE);
            return context.doNothing();
        }
        if (user.expired(now)) {
            sessions.gone(user);
            session.invalidate();
            request.setAttribute(Sessions.EXPIRED, Boolean.TRUE);
            return context.doNothing();
        }
        // The countdown's polling must not keep a forgotten tab signed in forever.
        if (!AccessPolicy.SESSION_STATUS.equals(path)) {
            request.setAttribute(Sessions.PREVIOUS_ACTIVITY, user.getLastActivityMillis());
            user.touch(now);
        }
        sessions.seen(user);
        request.setAttribute(Sessions.REQUEST_USER, user);
        return context.notifyContainerAboutLogin(user.getUsername(), user.getRole().groupNames());
    }

    /**
     * The sign-in form (SignInView calls SecurityContext.authenticate): the same check as Basic, then the session;
     * with "keep me signed in", @RememberMe then issues the cookie (see rememberMe).
     */
    private AuthenticationStatus form(UsernamePasswordCredential login, boolean keep, HttpServletRequest request,
            HttpMessageContext context) {
        // DASHBOARD_AUTH_PROVIDER=oidc: the page has no key form; a post of it anyway is refused like a wrong key.
        SignInOutcome outcome = oidc.staticEnabled()
                ? signIn.attempt(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr())
                : SignInOutcome.failed();
        request.setAttribute(SIGN_IN_OUTCOME, outcome);
        if (!outcome.succeeded()) {
            audit.refused(login.getCaller(), "Sign-in form", request.getRemoteAddr(), outcome.message());
            // Not a failure status: the page answers with its own message, not a 401.
            return context.doNothing();
        }
        SignedInUser user = new SignedInUser(outcome.username(), outcome.role(), keep,
                sessionPolicy.timeoutSeconds(keep), System.currentTimeMillis(), SignInMethod.STATIC,
                request.getRemoteAddr(), request.getHeader("User-Agent"), Map.of(), null);
        Sessions.start(request, user);
        sessions.seen(user);
        audit.signedIn(user);
        request.setAttribute(Sessions.REQUEST_USER, user);
        return context.notifyContainerAboutLogin(new CallerPrincipal(user.getUsername()), user.getRole().groupNames());
    }

    /** @RememberMe: a cookie only for a form sign-in that asked to be kept. */
    public boolean rememberMe(HttpMessageContext context) {
        return context.isAuthenticationRequest() && context.getAuthParameters().isRememberMe();
    }

    /** @RememberMe: the cookie is Secure whenever the client reached us over HTTPS (also through a trusted proxy). */
    public boolean secure(HttpMessageContext context) {
        return Sessions.secure(context.getRequest());
    }

    /** @RememberMe: the cookie lives as long as a kept sign-in (30 days). */
    public int rememberMeSeconds() {
        return remembered.lifetimeSeconds();
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
            if (outcome.status() != SignInOutcome.Status.NOT_CONFIGURED) {
                audit.refused(username, "HTTP Basic", request.getRemoteAddr(), outcome.message());
            }
            return context.doNothing();
        }
        SignedInUser user = new SignedInUser(outcome.username(), outcome.role(), false,
                sessionPolicy.timeoutSeconds(false), System.currentTimeMillis());
        request.setAttribute(Sessions.REQUEST_USER, user);
        request.setAttribute(Sessions.BASIC, Boolean.TRUE);
        return context.notifyContainerAboutLogin(user.getUsername(), user.getRole().groupNames());
    }
}
