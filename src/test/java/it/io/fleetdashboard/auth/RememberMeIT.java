package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import it.io.fleetdashboard.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Keep me signed in" survives a restart of the server: the token lives hashed in SQLite, a new session rotates
 * it, signing out revokes it, and a rotated-out token cannot be used once its short grace has passed.
 */
class RememberMeIT {

    static final Pattern REMEMBER_ME = Pattern.compile("^FLEET_REMEMBER_ME=([^;]*)");
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String token(List<String> setCookies) {
        String value = null;
        for (String cookie : setCookies) {
            Matcher m = REMEMBER_ME.matcher(cookie);
            if (m.find()) {
                value = m.group(1);
            }
        }
        return value;
    }

    HttpResponse<String> page(String cookies) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/index.xhtml")).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean signedIn(HttpResponse<String> page) {
        return page.statusCode() == 200 && page.body().contains("id=\"shellForm:userMenu\"");
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKeptSignInSurvivesARestartRotatesAndEndsWithSignOut() throws Exception {
        AuthIT.SignInResult kept = AuthIT.signIn(http, Api.BASE, "viewer", VIEWER_KEY, true);
        assertEquals(302, kept.response().statusCode());
        List<String> setCookies = kept.response().headers().allValues("Set-Cookie");
        String first = token(setCookies);
        assertNotNull(first, "a remember-me cookie: " + setCookies);
        String cookie = setCookies.stream().filter(c -> c.startsWith("FLEET_REMEMBER_ME=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Max-Age=2592000") || cookie.contains("Expires="), cookie);
        assertStoredHashedOnly(first);

        TestServer.restart();

        // No session cookie, only the remembered sign-in: the page opens signed in, with a new session and token.
        HttpResponse<String> resumed = page("FLEET_REMEMBER_ME=" + first);
        assertTrue(signedIn(resumed), "signed in after the restart: " + resumed.statusCode());
        String second = token(resumed.headers().allValues("Set-Cookie"));
        assertNotNull(second, "the used token is rotated");
        assertNotEquals(first, second);
        String session = AuthIT.sessionId(resumed.headers().allValues("Set-Cookie"));
        assertNotNull(session, "a session was started");
        assertTrue(signedIn(page("JSESSIONID=" + session)), "the new session works on its own");
        // A parallel request of the same page load may still carry the used token for a moment.
        assertTrue(signedIn(page("FLEET_REMEMBER_ME=" + first)), "within the grace period");

        // Signing out ends the kept sign-in: neither token works any more.
        String signOutPage = page("JSESSIONID=" + session + "; FLEET_REMEMBER_ME=" + second).body();
        Matcher viewState = AuthIT.VIEW_STATE.matcher(signOutPage);
        assertTrue(viewState.find());
        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + session + "; FLEET_REMEMBER_ME=" + second)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("shellForm_SUBMIT=1&shellForm%3AsignOut=shellForm%3AsignOut"
                        + "&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedOut.statusCode(), signedOut.body());
        assertTrue(signedOut.headers().firstValue("Location").orElse("").contains("signedOut=true"));
        assertFalse(signedIn(page("FLEET_REMEMBER_ME=" + second)), "the current token is revoked");
        assertFalse(signedIn(page("FLEET_REMEMBER_ME=" + first)), "and the one before it");
        assertEquals(0, storedTokens(first, second), "no rows left of that sign-in");
    }

    @Test
    void aMadeUpTokenSignsNobodyIn() throws Exception {
        HttpResponse<String> page = page("FLEET_REMEMBER_ME=" + "A".repeat(43));
        assertFalse(signedIn(page));
        assertEquals(302, page.statusCode());
    }

    /** The database has the token's SHA-256, never the token itself. */
    static void assertStoredHashedOnly(String token) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestServer.SERVER_DIR.resolve("data/fleet.db"));
             var statement = c.prepareStatement("SELECT COUNT(*) FROM remember_me_token WHERE token_hash = ?");
             var plain = c.prepareStatement("SELECT COUNT(*) FROM remember_me_token WHERE token_hash = ? OR series = ?")) {
            statement.setString(1, sha256(token));
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next() && rows.getInt(1) == 1, "one row by the token's hash");
            }
            plain.setString(1, token);
            plain.setString(2, token);
            try (ResultSet rows = plain.executeQuery()) {
                assertTrue(rows.next() && rows.getInt(1) == 0, "the token itself is not stored");
            }
        }
    }

    static int storedTokens(String... tokens) throws Exception {
        int count = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestServer.SERVER_DIR.resolve("data/fleet.db"));
             var statement = c.prepareStatement("SELECT COUNT(*) FROM remember_me_token WHERE token_hash = ?")) {
            for (String token : tokens) {
                statement.setString(1, sha256(token));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    count += rows.getInt(1);
                }
            }
        }
        return count;
    }
}
