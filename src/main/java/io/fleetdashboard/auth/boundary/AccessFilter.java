package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.RedirectTarget;
import io.fleetdashboard.auth.control.StaticCredentials;
import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignInOutcome;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Enforces AccessPolicy for every request: the single authorization check. API paths answer JSON
 * {error, message} with 401/403/429/503; pages redirect to sign-in (also inside Faces ajax requests).
 */
@WebFilter(filterName = "AccessFilter", urlPatterns = "/*")
public class AccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REALM = "Fleet Dashboard";

    @Inject
    AccessPolicy policy;

    @Inject
    StaticCredentials credentials;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = Sessions.path(request);
        AccessRule rule = policy.ruleFor(path);
        if (rule.isPublic()) {
            chain.doFilter(request, response);
            return;
        }
        if (!credentials.configured()) {
            notConfigured(request, response, rule);
            return;
        }
        SignedInUser user = Sessions.user(request);
        if (user == null) {
            unauthenticated(request, response, rule, path);
            return;
        }
        Role required = rule.required(request.getMethod());
        if (!user.getRole().includes(required)) {
            if (rule.api()) {
                json(response, 403, "forbidden", "This needs the " + required.groupName() + " role.");
            } else {
                response.sendError(403);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private void notConfigured(HttpServletRequest request, HttpServletResponse response, AccessRule rule)
            throws IOException, ServletException {
        if (rule.api()) {
            json(response, 503, "not_configured", SignInOutcome.NOT_CONFIGURED_MESSAGE);
        } else {
            response.setStatus(503);
            request.getRequestDispatcher(AccessPolicy.NOT_CONFIGURED_PAGE).forward(request, response);
        }
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response, AccessRule rule, String path)
            throws IOException {
        Object locked = request.getAttribute(Sessions.LOCKED_SECONDS);
        if (rule.api()) {
            if (locked != null) {
                response.setHeader("Retry-After", locked.toString());
                json(response, 429, "too_many_attempts", SignInOutcome.locked((Long) locked).message());
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                json(response, 401, "unauthorized", "Sign in, or send HTTP Basic credentials (DASHBOARD_USERNAME / DASHBOARD_KEY).");
            }
            return;
        }
        String next = "GET".equals(request.getMethod()) && request.getQueryString() != null
                ? path + "?" + request.getQueryString() : path;
        String target = request.getContextPath() + AccessPolicy.SIGN_IN_PAGE + "?next="
                + URLEncoder.encode(RedirectTarget.safe(next), StandardCharsets.UTF_8)
                + (request.getAttribute(Sessions.EXPIRED) != null ? "&expired=true" : "");
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // A 302 would be swallowed by the ajax call: tell Faces' client to navigate instead.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target.replace("&", "&amp;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }

    static void json(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", error).add("message", message).build().toString());
    }
}
