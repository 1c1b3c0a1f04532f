package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.OidcSettings;
import io.fleetdashboard.auth.control.RedirectTarget;
import io.fleetdashboard.auth.control.RequestPaths;
import io.fleetdashboard.auth.control.SameOrigin;
import io.fleetdashboard.auth.control.StaticCredentials;
import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Need;
import io.fleetdashboard.auth.entity.SignInOutcome;
import io.fleetdashboard.auth.entity.SignedInUser;
import io.fleetdashboard.mcp.control.McpClients;
import io.fleetdashboard.mcp.control.McpTokens;
import io.fleetdashboard.mcp.entity.McpCaller;
import io.fleetdashboard.ui.ErrorView;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Enforces AccessPolicy for every request: the single authorization check, made on the canonical path the container
 * dispatches on. A raw URI that would decode or normalise to another path is refused first (400). API paths answer
 * JSON {error, message} with 401/403/405/429/503; pages redirect to sign-in (also inside Faces ajax requests).
 * State changes made with the session cookie are refused when they come from another site (SameOrigin).
 * Declared in web.xml, after SecurityHeadersFilter.
 */
public class AccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REALM = "Fleet Dashboard";

    @Inject
    AccessPolicy policy;

    @Inject
    StaticCredentials credentials;

    @Inject
    RememberedSignIn remembered;

    @Inject
    OidcSettings oidc;

    @Inject
    McpClients mcpClients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = Sessions.path(request);
        AccessRule rule = policy.ruleFor(path);
        Optional<String> refused = RequestPaths.refusal(Sessions.rawPath(request));
        if (refused.isPresent()) {
            // Plain JSON, no error page: the path itself is what is wrong, so nothing is dispatched on it.
            json(response, 400, "bad_path", refused.get());
            return;
        }
        String method = request.getMethod();
        Need need = rule.need(method);
        boolean read = AccessRule.isRead(method);
        if (need == Need.NOBODY) {
            refuse(response, rule, 405, "read_only", ErrorView.READ_ONLY);
            return;
        }
        if (!read && crossSite(request)) {
            refuse(response, rule, 403, "cross_site", "Cross-site requests cannot change anything here.");
            return;
        }
        if (need == Need.ANYONE) {
            chain.doFilter(request, response);
            return;
        }
        if (need == Need.MCP_CLIENT) {
            mcpClient(request, response, chain);
            return;
        }
        if (!credentials.configured() && !oidc.ssoEnabled()) {
            notConfigured(request, response, rule);
            return;
        }
        SignedInUser user = Sessions.user(request);
        if (user == null && request.getUserPrincipal() != null) {
            // Signed in by the remember-me cookie (after a restart, or in a new browser session): start the session.
            user = remembered.resume(request, response);
        }
        if (user == null) {
            unauthenticated(request, response, rule, path);
            return;
        }
        // A role held in one environment only passes a per-environment rule; its route checks the environment.
        if (!need.allows(rule.perEnvironment() ? user.strongestRole() : user.getRole())) {
            refuse(response, rule, 403, "forbidden", "This needs the " + need.role().groupName() + " role.");
            return;
        }
        if (!read && rule.api() && request.getAttribute(Sessions.BASIC) == null && !sameOriginProven(request)) {
            refuse(response, rule, 403, "cross_site", "An API change made with the session cookie must come from "
                    + "the dashboard's own pages (send " + SameOrigin.REQUESTED_WITH + "), or use HTTP Basic.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The MCP server: a valid, unrevoked MCP client token (Authorization: Bearer) or 401 with a Bearer challenge.
     * Sessions and user keys do not count here, so a browser's cookies cannot reach it (no CSRF to guard).
     */
    private void mcpClient(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        Optional<McpCaller> caller = McpTokens.fromAuthorization(authorization).flatMap(mcpClients::authenticate);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + " MCP\""
                    + (authorization == null ? "" : ", error=\"invalid_token\""));
            json(response, 401, "unauthorized", "Send an MCP client token (Authorization: Bearer fdmcp_...); an admin "
                    + "creates and revokes them on the Integrations page.");
            return;
        }
        request.setAttribute(McpCaller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private static boolean crossSite(HttpServletRequest request) {
        return SameOrigin.crossSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Host"));
    }

    private static boolean sameOriginProven(HttpServletRequest request) {
        return SameOrigin.proven(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Host"), request.getHeader(SameOrigin.REQUESTED_WITH));
    }

    private static void refuse(HttpServletResponse response, AccessRule rule, int status, String error, String message)
            throws IOException {
        if (rule.api()) {
            json(response, status, error, message);
        } else {
            response.sendError(status);
        }
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
                return;
            }
            // Only a client that sent Basic gets the challenge: a browser that gets one caches credentials, which
            // would then ride along on forged requests.
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            }
            json(response, 401, "unauthorized", "Sign in, or send HTTP Basic credentials (DASHBOARD_USERNAME / DASHBOARD_KEY).");
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
        SecurityHeadersFilter.jsonPolicy(response);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", error).add("message", message).build().toString());
    }
}
