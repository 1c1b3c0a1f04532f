package io.fleetdashboard.simulator.boundary;

import io.fleetdashboard.simulator.control.SimulatedOidcProvider;
import io.fleetdashboard.simulator.control.SimulatedOidcProvider.TestUser;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated OpenID Connect provider's HTTP side under /simulator/oidc (404 unless SIMULATOR_OIDC_ENABLED):
 * /.well-known/openid-configuration, /jwks, /authorize (a page to pick a test user, or straight on with
 * login_hint=&lt;user&gt;), POST /token, /end_session. The issuer is this application's origin + /simulator/oidc.
 * Key rotation is on the admin-only control API (POST /simulator/control/oidc-rotate).
 */
@WebServlet("/simulator/oidc/*")
public class SimulatedOidcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final List<String> HINTS = List.of("sim_nonce", "sim_aud", "sim_iss", "sim_kid", "sim_expired");
    static final List<String> AUTHORIZE_PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method", "sim_nonce", "sim_aud", "sim_iss", "sim_kid",
            "sim_expired");

    @Inject
    SimulatedOidcProvider provider;

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.enabled()) {
            json(response, 404, Map.of("error", "not_found"));
            return;
        }
        switch (action(request)) {
            case ".well-known/openid-configuration" -> json(response, 200, provider.discovery(issuer(request)));
            case "jwks" -> {
                response.setStatus(200);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(provider.jwks());
            }
            case "authorize" -> authorize(request, response);
            case "end_session" -> {
                provider.endedSession();
                String back = request.getParameter("post_logout_redirect_uri");
                if (back != null && back.startsWith(origin(request) + "/")) {
                    response.sendRedirect(back);
                } else {
                    page(response, 200, "<p id=\"signedOut\">You are signed out at the simulated provider.</p>");
                }
            }
            default -> json(response, 404, Map.of("error", "not_found"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.enabled() || !action(request).equals("token")) {
            json(response, 404, Map.of("error", "not_found"));
            return;
        }
        String client = request.getParameter("client_id");
        String secret = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                client = java.net.URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = colon < 0 ? "" : java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                json(response, 401, Map.of("error", "invalid_client"));
                return;
            }
        }
        SimulatedOidcProvider.TokenAnswer answer = provider.token(issuer(request), request.getParameter("grant_type"),
                request.getParameter("code"), request.getParameter("redirect_uri"), client, secret,
                request.getParameter("code_verifier"));
        response.setHeader("Cache-Control", "no-store");
        json(response, answer.status(), answer.body());
    }

    private void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String redirect = request.getParameter("redirect_uri");
        Optional<String> refused = provider.authorizeRefusal(request.getParameter("client_id"), redirect,
                request.getParameter("response_type"), request.getParameter("code_challenge"),
                request.getParameter("code_challenge_method"));
        if (refused.isPresent()) {
            page(response, 400, "<p id=\"authorizeError\">Refused: " + escape(refused.get()) + "</p>");
            return;
        }
        TestUser user = SimulatedOidcProvider.USERS.get(request.getParameter("login_hint"));
        if (user == null) {
            chooser(request, response);
            return;
        }
        Map<String, String> hints = new LinkedHashMap<>();
        for (String hint : HINTS) {
            String value = request.getParameter(hint);
            if (value != null && !value.isBlank()) {
                hints.put(hint, value);
            }
        }
        String code = provider.issueCode(request.getParameter("client_id"), redirect,
                request.getParameter("code_challenge"), request.getParameter("nonce"), user, hints);
        String state = request.getParameter("state");
        response.sendRedirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state)));
    }

    /** The provider's sign-in page: one button per test user (a GET form that repeats the authorize request). */
    private void chooser(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder html = new StringBuilder("<h1>Simulated identity provider</h1><p>Sign in as:</p>")
                .append("<form method=\"get\" action=\"").append(escape(request.getContextPath()))
                .append("/simulator/oidc/authorize\">");
        for (String name : AUTHORIZE_PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null) {
                html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(value)).append("\">");
            }
        }
        for (TestUser user : SimulatedOidcProvider.USERS.values()) {
            html.append("<p><button type=\"submit\" name=\"login_hint\" id=\"as-").append(escape(user.username()))
                    .append("\" value=\"").append(escape(user.username())).append("\">").append(escape(user.username()))
                    .append("</button> groups: ").append(escape(String.join(", ", user.groups()))).append("</p>");
        }
        page(response, 200, html.append("</form>").toString());
    }

    private static String issuer(HttpServletRequest request) {
        return origin(request) + request.getContextPath() + "/simulator/oidc";
    }

    private static String origin(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length());
    }

    private static String action(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(jsonb.toJson(body));
    }

    private static void page(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Simulated "
                + "identity provider</title></head><body>" + body + "</body></html>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
