package it.io.fleetdashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The read-only user in the browser, and the CSP check every page test relies on. */
class ViewerPageIT extends PageTest {

    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    @Test
    void theViewerSeesTheFleetButTheRefreshButtonIsDisabledWithTheReason() {
        ShellPage shell = SignInPage.open(driver, null).signInAs("viewer", VIEWER_KEY);
        assertTrue(shell.isSignedIn(), driver.getCurrentUrl());
        assertEquals("viewer", shell.userName());
        WebElement refresh = driver.findElement(By.id("shellForm:refreshButton"));
        assertFalse(refresh.isEnabled(), "a viewer cannot refresh");
        assertTrue(refresh.getAttribute("title").contains("operator"), refresh.getAttribute("title"));
        screenshot("home-viewer");
    }

    @Test
    void theOperatorMayRefresh() {
        ShellPage shell = SignInPage.open(driver, null)
                .signInAs("operator", System.getProperty("it.operator.key", "it-operator-key"));
        assertTrue(shell.isSignedIn(), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("shellForm:refreshButton")).isEnabled());
    }

    @Test
    void anInlineScriptIsBlockedAndTheCheckSeesIt() {
        SignInPage.open(driver, null);
        ((JavascriptExecutor) driver).executeScript("var s = document.createElement('script');"
                + " s.textContent = 'window.injected = true;'; document.head.appendChild(s);");
        waitForAjax(driver);
        assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.injected;"),
                "the policy blocks inline scripts");
        assertFalse(cspViolations(driver).isEmpty(), "the browser reported the violation to the check");
    }
}
