package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security review's findings, over HTTP against the running server: non-canonical paths, the role separation
 * of the optional viewer and operator users, cross-site requests, and the response headers.
 */
class SecurityIT {

    static final String BASE = Api.BASE;
    static final String ADMIN_KEY = System.getProperty("it.key", "it-secret-key");
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String basic(String user, String key) {
        return AuthIT.basic(user, key);
    }

    HttpResponse<String> send(String method, String rawPath, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + rawPath))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pathsThatDecodeOrNormaliseElsewhereAreRefusedBeforeAnyAccessDecision() throws Exception {
        for (String raw : List.of("/signin.xhtml/../index.xhtml", "/jakarta.faces.resource/../index.xhtml",
                "/simulator/%63ontrol/truth", "/simulator/./control/truth", "/api//v1/dashboard/summary",
                "/api/v1/dashboard/summary;x=1", "/api/v1/%64ashboard/summary", "/api/v1/dashboard%2fsummary",
                "/jakarta.faces.resource/%2e%2e/index.xhtml")) {
            for (String auth : new String[] {null, basic("admin", ADMIN_KEY)}) {
                HttpResponse<String> response = auth == null ? send("GET", raw) : send("GET", raw, "Authorization", auth);
                assertEquals(400, response.statusCode(), raw + " -> " + response.body());
                // Our check answers bad_path; Liberty refuses encoded slashes and dots itself, with a 400 error page.
                assertTrue(response.body().contains("\"error\":\"bad_path\"") || raw.contains("%2f") || raw.contains("%2e"),
                        raw + " -> " + response.body());
                assertFalse(response.body().contains("endpoints"), "no fleet data: " + response.body());
            }
        }
    }

    @Test
    void theViewerReadsButChangesNothingTheOperatorRefreshesAndOnlyTheAdminControlsTheSimulator() throws Exception {
        String viewer = basic("viewer", VIEWER_KEY);
        String operator = basic("operator", OPERATOR_KEY);
        String admin = basic("admin", ADMIN_KEY);
        HttpResponse<String> me = send("GET", "/api/v1/me", "Authorization", viewer);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"role\":\"viewer\""), me.body());
        assertTrue(me.body().contains("\"operator\":false"), me.body());
        assertEquals(200, send("GET", "/api/v1/dashboard/summary", "Authorization", viewer).statusCode());

        HttpResponse<String> refused = send("POST", "/api/v1/refresh?wait=0", "Authorization", viewer);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("operator"), refused.body());
        int refreshed = send("POST", "/api/v1/refresh?wait=0", "Authorization", operator).statusCode();
        assertTrue(refreshed == 200 || refreshed == 202, "operator refresh: " + refreshed);

        for (String caller : new String[] {viewer, operator}) {
            assertEquals(403, send("GET", "/simulator/control/truth", "Authorization", caller).statusCode());
        }
        assertEquals(200, send("GET", "/simulator/control/truth", "Authorization", admin).statusCode());
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create(BASE + "/simulator/control/reset"))
                .header("Authorization", admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, text.statusCode(), "a form or text/plain post never reaches the control API");
    }

    @Test
    void apiChangesWithOnlyTheSessionCookieNeedProofOfOrigin() throws Exception {
        String cookie = "JSESSIONID=" + AuthIT.signIn(http, BASE, "operator", OPERATOR_KEY, false).sessionAfter();
        HttpResponse<String> bare = send("POST", "/api/v1/refresh?wait=0", "Cookie", cookie);
        assertEquals(403, bare.statusCode(), bare.body());
        assertTrue(bare.body().contains("cross_site"), bare.body());
        HttpResponse<String> forged = send("POST", "/api/v1/refresh?wait=0", "Cookie", cookie,
                "Origin", "http://evil.example", "X-Requested-With", "XMLHttpRequest");
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(403, send("POST", "/api/v1/refresh?wait=0", "Cookie", cookie, "Sec-Fetch-Site", "cross-site",
                "X-Requested-With", "XMLHttpRequest").statusCode());

        int own = send("POST", "/api/v1/refresh?wait=0", "Cookie", cookie, "X-Requested-With", "XMLHttpRequest")
                .statusCode();
        assertTrue(own == 200 || own == 202, "the dashboard's own request: " + own);
        String host = URI.create(BASE).getAuthority();
        int sameOrigin = send("POST", "/api/v1/refresh?wait=0", "Cookie", cookie, "Origin", "http://" + host)
                .statusCode();
        assertTrue(sameOrigin == 200 || sameOrigin == 202, "same Origin: " + sameOrigin);
        // Reads need no proof, and HTTP Basic callers are not affected.
        assertEquals(200, send("GET", "/api/v1/me", "Cookie", cookie).statusCode());
        int basic = send("POST", "/api/v1/refresh?wait=0", "Authorization", basic("operator", OPERATOR_KEY)).statusCode();
        assertTrue(basic == 200 || basic == 202, "Basic: " + basic);
    }

    @Test
    void crossSitePostsToPagesAndToTheSignInFormAreRefused() throws Exception {
        String cookie = "JSESSIONID=" + AuthIT.signIn(http, BASE, "viewer", VIEWER_KEY, false).sessionAfter();
        assertEquals(403, send("POST", "/index.xhtml", "Cookie", cookie, "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, send("POST", "/index.xhtml", "Cookie", cookie, "Origin", "http://evil.example").statusCode());
        assertEquals(403, send("POST", "/signin.xhtml", "Origin", "http://evil.example").statusCode(),
                "no sign-in forged from another site");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = send("GET", "/signin.xhtml");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}';?"), policy);
        assertFalse(policy.replaceAll("style-src[^;]*;", "").contains("unsafe-inline"), "no unsafe-inline scripts: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals(1, page.headers().allValues("Content-Security-Policy").size(), "one policy, not two to intersect");
        String second = send("GET", "/signin.xhtml").headers().firstValue("Content-Security-Policy").orElse("");
        assertFalse(second.equals(policy), "a fresh nonce per response");

        HttpResponse<String> api = send("GET", "/api/v1/me");
        assertTrue(api.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        for (HttpResponse<String> response : List.of(page, api, send("GET", "/metrics"), send("GET", "/health/ready"),
                send("GET", "/no-such-page"), send("GET", "/a/../b"))) {
            String what = response.uri() + " " + response.statusCode();
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), what);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), what);
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS on http: " + what);
        }
    }

    @Test
    void behindATrustedTlsProxyTheKeptSignInCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> proxied = send("GET", "/signin.xhtml", "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.7");
        assertTrue(proxied.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                proxied.headers().map().toString());
        // The kept sign-in's cookie is Secure as soon as the client uses HTTPS, here at the proxy. (Liberty's own
        // session cookie follows DASHBOARD_SECURE_COOKIES, a static setting: see the README's Security section.)
        AuthIT.SignInResult signedIn = AuthIT.signIn(http, BASE, "viewer", VIEWER_KEY, true,
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");
        assertEquals(302, signedIn.response().statusCode());
        String remembered = signedIn.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("FLEET_REMEMBER_ME=")).findFirst().orElse("");
        assertTrue(remembered.contains("Secure"), remembered);
        // Over plain http the same cookie is not Secure (a browser would drop it on a plain-http address).
        String plain = AuthIT.signIn(http, BASE, "viewer", VIEWER_KEY, true).response().headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("FLEET_REMEMBER_ME=")).findFirst().orElse("");
        assertFalse(plain.isEmpty() || plain.contains("Secure"), plain);
    }
}
