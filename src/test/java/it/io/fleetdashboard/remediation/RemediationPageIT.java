package it.io.fleetdashboard.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Remediation page: pending actions listed; an operator approves one; a viewer sees the buttons disabled. */
class RemediationPageIT extends PageTest {

    @BeforeAll
    static void pendingActions() {
        Api.healthyFleet();
        RemediationIT.round();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector(
                "[id='remediationForm:actions_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    @Test
    void anOperatorApprovesAPendingActionWithAReason() {
        SignInPage.open(driver, null).signInAs(RemediationIT.OPERATOR, RemediationIT.OPERATOR_KEY);
        driver.findElement(By.cssSelector("[data-nav='navRemediation']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/remediation.xhtml"), driver.getCurrentUrl());
        int pending = RemediationIT.actions("pending").size();
        assertTrue(pending > 0, "the round suggested actions");
        assertEquals(Math.min(200, pending), rows().size());
        screenshot("remediation");

        driver.findElement(By.id("remediationForm:reason")).sendKeys("checked by the page test");
        rows().get(0).findElement(By.cssSelector(".remediation-approve")).click();
        waitForAjax(driver);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> RemediationIT.actions("approved").stream()
                .anyMatch(a -> "checked by the page test".equals(a.getString("reason", null))
                        && a.getString("decidedBy").equals(RemediationIT.OPERATOR)));
    }

    @Test
    void aViewerSeesTheActionsButCannotDecide() {
        SignInPage.open(driver, null).signInAs(RemediationIT.VIEWER, RemediationIT.VIEWER_KEY);
        driver.get(BASE + "/remediation.xhtml");
        waitForAjax(driver);
        assertFalse(rows().isEmpty());
        assertFalse(rows().get(0).findElement(By.cssSelector(".remediation-approve")).isEnabled(), "operators only");
    }
}
