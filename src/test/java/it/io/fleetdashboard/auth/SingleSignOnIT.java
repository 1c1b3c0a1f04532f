package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on over HTTP against the simulated OpenID Connect provider (src/test/liberty/server.env): roles from
 * groups, and every refusal of the flow: a replayed callback, a replayed or wrong nonce, a state that is not this
 * browser's, another audience or issuer, an expired token, a key the provider does not publish, and a group that
 * gives no role. Key rotation at the provider: the token signed with the new key verifies after the dashboard
 * fetched the JWKS again for the unknown key id, and the keys stay cached afterwards.
 */
class SingleSignOnIT {

    @Test
    void aViewerFromTheProviderReadsButCannotChangeAnything() {
        SsoFlow viewer = SsoFlow.signedIn("sso-viewer");
        JsonObject me = viewer.me();
        assertEquals("sso-viewer", me.getString("username"));
        assertEquals("viewer", me.getString("role"));
        assertEquals(200, viewer.get(Api.BASE + "/api/v1/dashboard/summary").statusCode());
        HttpResponse<String> refresh = viewer.postFromPage("/api/v1/refresh?wait=-1");
        assertEquals(403, refresh.statusCode(), refresh.body());
    }

    @Test
    void anOperatorFromTheProviderMayAct() {
        SsoFlow operator = SsoFlow.signedIn("sso-operator");
        assertEquals("operator", operator.me().getString("role"));
        HttpResponse<String> refresh = operator.postFromPage("/api/v1/refresh?wait=-1");
        // Past the access check: the route itself refuses the invalid wait.
        assertEquals(400, refresh.statusCode(), refresh.body());
    }

    @Test
    void everyCallToTheProviderIsTimedByCallAndOutcome() {
        SsoFlow.signedIn("sso-viewer");
        String metrics = Api.get("/metrics?scope=application").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("fleet_oidc_request_seconds_count{")
                && l.contains("call=\"token\"") && l.contains("outcome=\"ok\"")), "the token call is timed");
        assertTrue(metrics.contains("call=\"discovery\""), "and the discovery document's");
    }

    @Test
    void anAdminGroupGivesTheAdminRole() {
        assertEquals("admin", SsoFlow.signedIn("sso-admin").me().getString("role"));
    }

    @Test
    void aUserWhoseGroupsMapToNoRoleIsRefusedWithTheReason() {
        HttpResponse<String> back = new SsoFlow().start().approve("sso-nobody", null).callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("none of your groups gives a role"), back.body());
    }

    @Test
    void theSameCallbackTwiceIsRefused() {
        SsoFlow flow = SsoFlow.signedIn("sso-viewer");
        HttpResponse<String> again = flow.callback();
        // Signed in already, the page sends the user on; a fresh browser with the stolen callback gets the refusal.
        SsoFlow thief = new SsoFlow();
        thief.callbackUrl = flow.callbackUrl;
        HttpResponse<String> stolen = thief.callback();
        assertEquals(400, stolen.statusCode(), stolen.body());
        assertTrue(stolen.body().contains("state"), stolen.body());
        assertNotEquals(303, again.statusCode(), "the used state must not sign in again");
    }

    @Test
    void aReplayedNonceIsRefused() {
        SsoFlow first = SsoFlow.signedIn("sso-viewer");
        HttpResponse<String> replay = new SsoFlow().start()
                .approve("sso-viewer", "&sim_nonce=" + first.nonce()).callback();
        assertEquals(403, replay.statusCode());
        assertTrue(replay.body().contains("nonce replay"), replay.body());
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() {
        HttpResponse<String> back = new SsoFlow().start().approve("sso-viewer", "&sim_nonce=made-up").callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("nonce"), back.body());
    }

    @Test
    void aStateThatIsNotThisBrowsersIsRefused() {
        SsoFlow flow = new SsoFlow().start().approve("sso-viewer", null);
        String forged = flow.callbackUrl.replace("state=" + flow.state(), "state=forged");
        HttpResponse<String> back = flow.get(forged);
        assertEquals(400, back.statusCode());
        assertTrue(back.body().contains("state"), back.body());
        assertEquals(401, flow.get(Api.BASE + "/api/v1/me").statusCode(), "not signed in");
    }

    @Test
    void anotherAudienceIsRefused() {
        HttpResponse<String> back = new SsoFlow().start().approve("sso-viewer", "&sim_aud=another-client").callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("audience"), back.body());
    }

    @Test
    void anotherIssuerIsRefused() {
        HttpResponse<String> back = new SsoFlow().start()
                .approve("sso-viewer", "&sim_iss=http%3A%2F%2Fevil.example").callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("another issuer"), back.body());
    }

    @Test
    void anExpiredTokenIsRefused() {
        HttpResponse<String> back = new SsoFlow().start().approve("sso-viewer", "&sim_expired=true").callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("expired"), back.body());
    }

    @Test
    void aTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() {
        HttpResponse<String> back = new SsoFlow().start().approve("sso-viewer", "&sim_kid=unpublished").callback();
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("not signed by a key of the provider"), back.body());
    }

    @Test
    void afterTheProviderRotatesItsKeyTheNewKeyVerifiesAndIsCached() {
        SsoFlow.signedIn("sso-viewer");
        JsonObject before = Api.object("/simulator/control/oidc");
        HttpResponse<String> rotated = Api.post("/simulator/control/oidc-rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKey = Api.json(rotated.body()).asJsonObject().getString("keyId");
        assertNotEquals(before.getString("keyId"), newKey);

        assertEquals("sso-viewer", SsoFlow.signedIn("sso-viewer").me().getString("username"));
        JsonObject after = Api.object("/simulator/control/oidc");
        assertTrue(after.getInt("jwksFetches") > before.getInt("jwksFetches"),
                "the unknown key id made the dashboard fetch the JWKS again: " + before + " -> " + after);

        SsoFlow.signedIn("sso-operator");
        assertEquals(after.getInt("jwksFetches"), Api.object("/simulator/control/oidc").getInt("jwksFetches"),
                "a known key id is served from the cache");
    }

    @Test
    void aBadCallbackIsAClearMessageNeverAnError() {
        SsoFlow flow = new SsoFlow();
        for (String query : new String[] {"", "?state=", "?code=abc", "?code=abc&state=%00%ff",
                "?error=access_denied&state=x", "?code=" + "x".repeat(5000) + "&state=y"}) {
            HttpResponse<String> back = flow.get(Api.BASE + "/auth/oidc/callback" + query);
            assertEquals(400, back.statusCode(), query + ": " + back.body());
            assertTrue(back.body().contains("Start the sign-in again"), query + ": " + back.body());
        }
    }
}
