package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.RequestPaths;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Where the signed-in user lives in the HTTP session, and how a session starts and ends. */
final class Sessions {

    static final String USER = "io.fleetdashboard.auth.user";
    /** Request attribute: the user this request was authenticated as (session or Basic). */
    static final String REQUEST_USER = "io.fleetdashboard.auth.requestUser";
    /** Request attribute: a Basic attempt was refused while locked; value = seconds to wait. */
    static final String LOCKED_SECONDS = "io.fleetdashboard.auth.lockedSeconds";
    /** Request attribute: the session's sign-in ran out on this request. */
    static final String EXPIRED = "io.fleetdashboard.auth.expired";
    /** Request attribute: present when this request was authenticated by HTTP Basic, not by the session. */
    static final String BASIC = "io.fleetdashboard.auth.basic";
    /** Request attribute: the user's last activity before this request touched it (see SessionView). */
    static final String PREVIOUS_ACTIVITY = "io.fleetdashboard.auth.previousActivity";

    // Spare minute so our own expiry check, not the container's, decides (it knows which requests are activity).
    private static final int CONTAINER_MARGIN_SECONDS = 120;

    private Sessions() {
    }

    static SignedInUser user(HttpServletRequest request) {
        Object fromRequest = request.getAttribute(REQUEST_USER);
        if (fromRequest instanceof SignedInUser user) {
            return user;
        }
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInUser) session.getAttribute(USER);
    }

    /**
     * A new session id (no fixation) and the user in it. The session cookie is the container's, a browser-session
     * cookie ("keep me signed in" is the remember-me cookie's job, see RememberedSignIn); Liberty marks it Secure
     * only by configuration (DASHBOARD_SECURE_COOKIES, server.xml), see SecurityHeadersFilter.
     */
    static void start(HttpServletRequest request, SignedInUser user) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            session = request.getSession(true);
        } else {
            request.changeSessionId();
        }
        session.setAttribute(USER, user);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, user.getTimeoutSeconds() + CONTAINER_MARGIN_SECONDS));
    }

    static void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String name = request.getServletContext().getSessionCookieConfig().getName();
        response.addCookie(cookie(request, name == null ? "JSESSIONID" : name, "", 0));
    }

    /** One of our cookies: whole site, never readable by scripts, SameSite=Lax, Secure when the client uses HTTPS. */
    static Cookie cookie(HttpServletRequest request, String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The canonical path the container dispatches on: what every access decision is made on. */
    static String path(HttpServletRequest request) {
        return RequestPaths.canonical(request.getServletPath(), request.getPathInfo());
    }

    /** The request URI as sent (undecoded), without the context root. */
    static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.substring(Math.min(context.length(), uri.length()));
        return path.isEmpty() ? "/" : path;
    }

    /** Secure as the client sees it: HTTPS here, or at a TLS-terminating proxy that remoteIp trusts. */
    static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getScheme());
    }
}
