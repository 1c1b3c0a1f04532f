package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sessions and POST /api/v1/sessions/{id}/end; sign-ins and sign-outs in the audit log. */
class SessionsIT {

    @Test
    void anAdminListsAndEndsASession() {
        SsoFlow other = new SsoFlow();
        other.userAgent = "SessionsIT-" + UUID.randomUUID();
        SsoFlow.signedIn(other, "sso-operator");

        JsonObject mine = Api.object("/api/v1/sessions").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(s -> other.userAgent.equals(s.getString("userAgent"))).findFirst()
                .orElseThrow(() -> new AssertionError("the new session is listed"));
        assertEquals("sso-operator", mine.getString("username"));
        assertEquals("operator", mine.getString("role"));
        assertEquals("Single sign-on", mine.getString("method"));

        HttpResponse<String> ended = Api.post("/api/v1/sessions/" + mine.getString("id") + "/end", null);
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals(401, other.get(Api.BASE + "/api/v1/me").statusCode());
        assertEquals(404, Api.post("/api/v1/sessions/" + mine.getString("id") + "/end", null).statusCode(),
                "ended already");
        assertEquals(400, Api.post("/api/v1/sessions/not%20an%20id/end", null).statusCode());
    }

    @Test
    void signInsAndRefusalsAreAudited() {
        SsoFlow.signedIn("sso-admin");
        new SsoFlow().start().approve("sso-nobody", null).callback();
        JsonObject audit = Api.object("/api/v1/audit?action=auth.sign-in&limit=50");
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> "sso-admin".equals(e.getString("user")) && "SUCCESS".equalsIgnoreCase(e.getString("result"))),
                audit.toString());
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> "DENIED".equalsIgnoreCase(e.getString("result"))
                        && e.getString("detail", "").contains("none of your groups")), audit.toString());
    }
}
