package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.RedirectTarget;
import io.fleetdashboard.auth.control.SessionPolicy;
import io.fleetdashboard.auth.control.SignInAudit;
import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.control.SingleSignOn;
import io.fleetdashboard.auth.entity.PendingSsoSignIn;
import io.fleetdashboard.auth.entity.SignInMethod;
import io.fleetdashboard.auth.entity.SignedInUser;
import io.fleetdashboard.auth.entity.SsoException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Single sign-on's two routes (public, GET only): /auth/oidc/login?next= sends the browser to the provider with a
 * fresh state, nonce and PKCE challenge (kept in this browser's session); /auth/oidc/callback?code=&state= checks
 * the answer (SingleSignOn), starts the session with the mapped roles and returns to next. A refusal answers the
 * sign-in page with the reason (400 bad request or state, 403 no role or a refused token, 503 provider down) and
 * lands in the audit log.
 */
@WebServlet("/auth/oidc/*")
public class SingleSignOnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String LOGIN = "/auth/oidc/login";
    public static final String CALLBACK = "/auth/oidc/callback";
    /** Session attribute: the pending sign-ins of this browser by state (a few tabs may sign in at once). */
    static final String PENDING = "io.fleetdashboard.auth.ssoPending";
    /** Request attribute: why the single sign-on was refused, for the sign-in page. */
    static final String REFUSAL = "io.fleetdashboard.auth.ssoRefusal";
    static final int MAX_PENDING = 5;

    @Inject
    SingleSignOn sso;

    @Inject
    SessionPolicy sessionPolicy;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInAudit audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = Sessions.path(request);
        try {
            if (LOGIN.equals(path)) {
                login(request, response);
            } else if (CALLBACK.equals(path)) {
                callback(request, response);
            } else {
                response.sendError(404);
            }
        } catch (SsoException e) {
            refuse(request, response, e);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = RedirectTarget.safe(request.getParameter("next"));
        if (Sessions.user(request) != null) {
            response.sendRedirect(request.getContextPath() + next);
            return;
        }
        Map.Entry<PendingSsoSignIn, URI> started = sso.begin(next);
        HttpSession session = request.getSession(true);
        synchronized (this) {
            Map<String, PendingSsoSignIn> pending = pending(session);
            long now = System.currentTimeMillis();
            pending.values().removeIf(p -> now - p.startedMillis() > SingleSignOn.PENDING_MILLIS);
            while (pending.size() >= MAX_PENDING) {
                pending.remove(pending.keySet().iterator().next());
            }
            pending.put(started.getKey().state(), started.getKey());
            session.setAttribute(PENDING, pending);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(started.getValue().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        HttpSession session = request.getSession(false);
        PendingSsoSignIn pending = null;
        if (session != null && state != null) {
            synchronized (this) {
                Map<String, PendingSsoSignIn> all = pending(session);
                // Taken out before anything else: the same callback can never be used twice.
                pending = all.remove(state);
                session.setAttribute(PENDING, all);
            }
        }
        SingleSignOn.Outcome outcome = sso.finish(pending, state, request.getParameter("code"),
                request.getParameter("error"));
        SignedInUser user = new SignedInUser(outcome.username(), outcome.roles().everywhere(), false,
                sessionPolicy.timeoutSeconds(false), System.currentTimeMillis(), SignInMethod.SSO,
                request.getRemoteAddr(), request.getHeader("User-Agent"), outcome.roles().byEnvironment(),
                outcome.idToken());
        Sessions.start(request, user);
        request.getSession().removeAttribute(PENDING);
        sessions.seen(user);
        audit.signedIn(user);
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + pending.next());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, SsoException e)
            throws IOException, ServletException {
        if (CALLBACK.equals(Sessions.path(request))) {
            audit.refusedSso(null, request.getRemoteAddr(), e.getMessage());
        }
        int status = switch (e.reason()) {
            case "provider_unreachable" -> 503;
            case "provider_error" -> 502;
            case "no_role", "bad_token", "replayed_nonce" -> 403;
            case "not_configured" -> 404;
            default -> 400;
        };
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(REFUSAL, e.getMessage());
        request.getRequestDispatcher(AccessPolicy.SIGN_IN_PAGE).forward(request, response);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingSsoSignIn> pending(HttpSession session) {
        Object held = session.getAttribute(PENDING);
        return held instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, PendingSsoSignIn>) map) : new LinkedHashMap<>();
    }
}
