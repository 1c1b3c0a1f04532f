package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Sessions page: an admin sees a single sign-on session with where it comes from, and ends it. */
class SessionsPageIT extends PageTest {

    @Test
    void aForcedSignOutEndsTheSession() {
        SsoFlow other = new SsoFlow();
        other.userAgent = "SessionsPageIT-" + UUID.randomUUID();
        SsoFlow.signedIn(other, "sso-viewer");
        assertEquals("sso-viewer", other.me().getString("username"));

        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/sessions.xhtml");
        waitForAjax(driver);
        WebElement row = driver.findElement(By.xpath("//tr[contains(., '" + other.userAgent + "')]"));
        assertTrue(row.getText().contains("sso-viewer") && row.getText().contains("Single sign-on"), row.getText());
        assertTrue(row.getText().contains("127.0.0.1") || row.getText().contains("0:0:0:0:0:0:0:1"), row.getText());
        screenshot("sessions");
        row.findElement(By.cssSelector("button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("sessionsForm:sessionsMessages"))
                .getText().contains("is ended"));
        assertTrue(driver.findElements(By.xpath("//tr[contains(., '" + other.userAgent + "')]")).isEmpty(),
                "the ended session is no longer listed");

        HttpResponse<String> after = other.get(Api.BASE + "/api/v1/me");
        assertEquals(401, after.statusCode(), "the ended session is signed out: " + after.body());
        JsonObject audit = Api.object("/api/v1/audit?action=auth.session-end&limit=5");
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> "sso-viewer".equals(e.getString("targetName", ""))), audit.toString());
    }
}
