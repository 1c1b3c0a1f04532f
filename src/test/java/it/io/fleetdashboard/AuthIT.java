package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** Authentication over plain HTTP: Basic on the API, the form sign-in's cookie, throttling, public endpoints. */
public class AuthIT {

    static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    static final String HTTPS = System.getProperty("it.https.url", "https://localhost:9543");
    static final String USERNAME = System.getProperty("it.username", "admin");
    static final String KEY = System.getProperty("it.key", "it-secret-key");
    public static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern SESSION_COOKIE = Pattern.compile("^JSESSIONID=([^;]*)");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Authorization header value of HTTP Basic for these credentials. */
    public static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiWithoutCredentialsAnswers401JsonWithoutAChallengeABrowserWouldCache() throws Exception {
        HttpResponse<String> response = get("/api/v1/anything");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(),
                "a browser that gets a Basic challenge caches credentials for forged requests");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("unauthorized", body.getString("error"));
        assertFalse(body.getString("message").isBlank());
    }

    @Test
    void onlyAClientThatSentBasicIsChallenged() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Authorization", basic(USERNAME, "wrong-" + UUID.randomUUID()));
        assertEquals(401, response.statusCode());
        assertEquals("Basic realm=\"Fleet Dashboard\", charset=\"UTF-8\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void wrongBasicIs401AndRightBasicGetsPastAuthentication() throws Exception {
        assertEquals(401, get("/api/v1/anything", "Authorization", basic(USERNAME, "wrong")).statusCode());
        int status = get("/api/v1/anything", "Authorization", basic(USERNAME, KEY)).statusCode();
        assertNotEquals(401, status);
        assertNotEquals(403, status);
    }

    @Test
    void theApiKnowsTheCallerAndTheStaticUserIsAdmin() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Authorization", basic(USERNAME, KEY));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject me = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(USERNAME, me.getString("username"));
        assertEquals("admin", me.getString("role"));
        assertTrue(me.getBoolean("operator"));
        assertEquals(USERNAME, me.getString("principal"), "the container sees the caller too");
        assertTrue(me.getBoolean("containerAdmin"), "groups map to the roles declared in web.xml");
    }

    @Test
    void pagesRedirectToSignInInsteadOfAskingForBasic() throws Exception {
        HttpResponse<String> response = get("/index.xhtml");
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/signin.xhtml?next=%2Findex.xhtml"));
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    void healthAndMetricsNeedNoCredentials() throws Exception {
        int health = get("/health/ready").statusCode();
        assertTrue(health == 200 || health == 503, "health answers for itself: " + health);
        assertEquals(200, get("/metrics").statusCode());
    }

    @Test
    void repeatedWrongKeysAreSlowedDownAndCounted() throws Exception {
        String user = "guesser-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, get("/api/v1/anything", "Authorization", basic(user, "guess" + i)).statusCode());
        }
        HttpResponse<String> locked = get("/api/v1/anything", "Authorization", basic(user, "guess-again"));
        assertEquals(429, locked.statusCode());
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertTrue(locked.body().contains("too_many_attempts"), locked.body());

        String metrics = get("/metrics?scope=application").body();
        assertTrue(counter(metrics, "fleet_auth_failures_total") >= 4, metrics);
        assertTrue(counter(metrics, "fleet_auth_locked_total") >= 1, metrics);
    }

    static double counter(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void signInChangesTheSessionIdAndSetsSafeCookieFlags() throws Exception {
        SignInResult result = signIn(http, BASE, false);
        assertEquals(302, result.response.statusCode(), messages(result.response.body()));
        assertNotEquals(result.sessionBefore, result.sessionAfter, "a new session id at sign-in");
        for (String cookie : result.sessionCookies) {
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Lax"), cookie);
        }
        // The new session opens pages and the API.
        assertEquals(200, get("/index.xhtml", "Cookie", "JSESSIONID=" + result.sessionAfter).statusCode());
        assertNotEquals(401, get("/api/v1/anything", "Cookie", "JSESSIONID=" + result.sessionAfter).statusCode());
        JsonObject status = Json.createReader(new StringReader(
                get("/session-status", "Cookie", "JSESSIONID=" + result.sessionAfter).body())).readObject();
        long remaining = status.getJsonNumber("remainingSeconds").longValue();
        assertTrue(remaining > 3500 && remaining <= 3600, "60 minutes by default: " + remaining);
    }

    @Test
    void keepMeSignedInMakesAPersistentRememberMeCookieAndHttpsMakesCookiesSecure() throws Exception {
        SignInResult kept = signIn(http, BASE, true);
        String remembered = kept.response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("FLEET_REMEMBER_ME=")).findFirst().orElse("");
        assertTrue(remembered.contains("Max-Age=2592000") || remembered.contains("Expires="), remembered);

        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll).build();
        SignInResult secure = signIn(https, HTTPS, true);
        String rememberedSecure = secure.response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("FLEET_REMEMBER_ME=")).findFirst().orElse("");
        assertTrue(rememberedSecure.contains("Secure"), rememberedSecure);
        // The session the Secure cookie names is the signed-in one.
        assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(HTTPS + "/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + secure.sessionAfter).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void anExpiredViewSendsTheUserToSignIn() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(BASE + "/signin.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find());
        // The view state of a session this request does not have: as after a restart or a timeout.
        HttpResponse<String> postback = http.send(HttpRequest.newBuilder(URI.create(BASE + "/signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signInForm_SUBMIT=1&jakarta.faces.ViewState="
                        + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, postback.statusCode());
        assertTrue(postback.headers().firstValue("Location").orElse("").contains("/signin.xhtml?expired=true"),
                postback.headers().toString());
    }

    @Test
    void aBrokenRequestGetsAReadablePageWithoutAStackTrace() throws Exception {
        HttpResponse<String> postback = http.send(HttpRequest.newBuilder(URI.create(BASE + "/signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signInForm_SUBMIT=1&jakarta.faces.ViewState=not*base64")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, postback.statusCode());
        String location = postback.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/error.xhtml"), location);
        HttpResponse<String> error = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, error.statusCode());
        assertTrue(error.body().contains("id=\"errorMessage\""), error.body());
        assertFalse(error.body().contains("Exception"), error.body());
    }

    public record SignInResult(HttpResponse<String> response, String sessionBefore, String sessionAfter, List<String> sessionCookies) {
    }

    static SignInResult signIn(HttpClient client, String base, boolean keep) throws Exception {
        return signIn(client, base, USERNAME, KEY, keep);
    }

    /** Signs in through the form as the given user; the result holds the new session id. */
    public static SignInResult signIn(HttpClient client, String base, String username, String key, boolean keep,
            String... headers) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base + "/signin.xhtml"));
        if (headers.length > 0) {
            get.headers(headers);
        }
        HttpResponse<String> page = client.send(get.build(), HttpResponse.BodyHandlers.ofString());
        String before = sessionId(page.headers().allValues("Set-Cookie"));
        assertNotNull(before, "the sign-in page starts a session for its view state");
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("signInForm_SUBMIT", "1");
        form.put("signInForm:next", "/");
        form.put("signInForm:username", username);
        form.put("signInForm:key", key);
        if (keep) {
            form.put("signInForm:keepSignedIn_input", "on");
        }
        form.put("signInForm:signInButton", "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + before)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            post.headers(headers);
        }
        HttpResponse<String> response = client.send(post.build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        return new SignInResult(response, before, sessionId(cookies), cookies);
    }

    static String messages(String page) {
        int at = page.indexOf("<title>");
        return at < 0 ? page : page.substring(at, Math.min(page.length(), at + 600));
    }

    public static String sessionId(List<String> setCookies) {
        String id = null;
        for (String cookie : setCookies) {
            Matcher m = SESSION_COOKIE.matcher(cookie);
            if (m.find()) {
                id = m.group(1);
            }
        }
        return id;
    }
}
