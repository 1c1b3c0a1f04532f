package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Single sign-on in the browser through the simulated provider: a viewer, an operator, a user with no role. */
class SsoPageIT extends PageTest {

    private ShellPage signInWithSso(String user) {
        SignInPage.open(driver, null);
        driver.findElement(By.id("ssoButton")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.id("as-" + user))).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/simulator/oidc/"));
        waitForAjax(driver);
        return new ShellPage(driver);
    }

    @Test
    void theSignInPageOffersSsoBesideTheKey() {
        SignInPage.open(driver, null);
        assertEquals("Sign in with SSO", driver.findElement(By.id("ssoButton")).getText().trim());
        assertTrue(driver.findElement(By.id("signInForm:signInButton")).isDisplayed(), "the key sign-in stays");
        screenshot("signin-sso");
    }

    @Test
    void aViewerSignsInThroughTheProviderSeesNoActionsAndTheApiRefusesWrites() throws Exception {
        ShellPage shell = signInWithSso("sso-viewer");
        assertTrue(shell.isSignedIn(), driver.getCurrentUrl());
        assertEquals("sso-viewer", shell.userName());
        assertFalse(driver.findElement(By.id("shellForm:refreshButton")).isEnabled(), "a viewer cannot refresh");
        screenshot("home-sso-viewer");

        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> write = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Api.BASE + "/api/v1/refresh?wait=-1")).header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Origin", Api.BASE).header("X-Requested-With", "fleet-dashboard")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, write.statusCode(), write.body());
    }

    @Test
    void anOperatorSignsInThroughTheProviderMayActAndSignsOutThereToo() {
        ShellPage shell = signInWithSso("sso-operator");
        assertEquals("sso-operator", shell.userName());
        assertTrue(driver.findElement(By.id("shellForm:refreshButton")).isEnabled(), "an operator may refresh");

        int endSessions = Api.object("/simulator/control/oidc").getInt("endSessions");
        SignInPage signIn = shell.signOut();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/signin.xhtml"));
        assertTrue(signIn.message().contains("You are signed out"), signIn.message());
        assertEquals(endSessions + 1, Api.object("/simulator/control/oidc").getInt("endSessions"),
                "the provider was asked to end its session too (RP-initiated sign-out)");
    }

    @Test
    void aUserWhoseGroupsGiveNoRoleSeesWhy() {
        signInWithSso("sso-nobody");
        SignInPage page = new SignInPage(driver);
        assertTrue(page.message().contains("none of your groups gives a role"), page.message());
        assertFalse(new ShellPage(driver).isSignedIn());
        screenshot("signin-sso-no-role");
    }
}
