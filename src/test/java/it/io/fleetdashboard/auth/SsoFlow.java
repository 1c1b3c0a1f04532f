package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser stand-in for single sign-on over HTTP: its own cookie jar, redirects one at a time. start() asks the
 * dashboard for the provider's authorize URL, approve() lets the simulated provider sign in a test user (with
 * optional sim_* hints for a bad token), and callback() hands the provider's answer back to the dashboard.
 */
final class SsoFlow {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    /** Sent with every request, so a test can find its own session on the Sessions page; null: the client's. */
    String userAgent;
    String authorizeUrl;
    String callbackUrl;

    /** GET /auth/oidc/login: the authorize URL with state, nonce and the PKCE challenge. */
    SsoFlow start() {
        HttpResponse<String> login = get(Api.BASE + "/auth/oidc/login?next=/index.xhtml");
        assertEquals(302, login.statusCode(), login.body());
        authorizeUrl = login.headers().firstValue("Location").orElseThrow();
        assertTrue(authorizeUrl.startsWith(Api.BASE + "/simulator/oidc/authorize?"), authorizeUrl);
        Map<String, String> query = query(authorizeUrl);
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("state").length() >= 40 && query.get("nonce").length() >= 40, authorizeUrl);
        return this;
    }

    String state() {
        return query(authorizeUrl).get("state");
    }

    String nonce() {
        return query(authorizeUrl).get("nonce");
    }

    /** The provider signs in that test user and redirects back with a code; extra = "&sim_aud=..." etc. */
    SsoFlow approve(String user, String extra) {
        HttpResponse<String> authorize = get(authorizeUrl + "&login_hint=" + user + (extra == null ? "" : extra));
        assertEquals(302, authorize.statusCode(), authorize.body());
        callbackUrl = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(callbackUrl.startsWith(Api.BASE + "/auth/oidc/callback?code="), callbackUrl);
        return this;
    }

    HttpResponse<String> callback() {
        return get(callbackUrl);
    }

    /** The whole sign-in; asserts it worked (303 to the page asked for). */
    static SsoFlow signedIn(String user) {
        return signedIn(new SsoFlow(), user);
    }

    static SsoFlow signedIn(SsoFlow fresh, String user) {
        SsoFlow flow = fresh.start().approve(user, null);
        HttpResponse<String> back = flow.callback();
        assertEquals(303, back.statusCode(), back.body());
        assertEquals("/index.xhtml", URI.create(back.headers().firstValue("Location").orElseThrow()).getPath());
        return flow;
    }

    /** GET /api/v1/me with this flow's session. */
    JsonObject me() {
        HttpResponse<String> me = get(Api.BASE + "/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        return Api.json(me.body()).asJsonObject();
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A POST as the dashboard's own pages send it (same origin), with this flow's session. */
    HttpResponse<String> postFromPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Origin", Api.BASE)
                .header("X-Requested-With", "fleet-dashboard").POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
