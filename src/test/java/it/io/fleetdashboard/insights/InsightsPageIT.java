package it.io.fleetdashboard.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SelectMenu;
import it.io.fleetdashboard.pages.SignInPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Insights page: the open insights as the API lists them, filters, an insight's history, CSV and roles. */
class InsightsPageIT extends PageTest {

    @BeforeAll
    static void insightsExist() {
        Api.healthyFleet();
        Insights.round();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector(
                "[id='insightsForm:insights_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    private String table() {
        return driver.findElement(By.id("insightsForm:insights")).getText();
    }

    @Test
    void anOperatorSeesTheOpenInsightsFiltersThemAndReadsAHistory() {
        SignInPage.open(driver, null).signInAs("operator", Insights.OPERATOR_KEY);
        driver.findElement(By.cssSelector("[data-nav='navInsights']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/insights.xhtml"), driver.getCurrentUrl());
        int open = Api.object("/api/v1/insights?status=open&limit=1").getInt("total");
        assertTrue(open > 0, "the simulated fleet has open insights");
        assertEquals(Math.min(25, open), rows().size());
        assertTrue(driver.findElement(By.id("insightsForm:roundNoteText")).getText().contains("Last round"),
                driver.findElement(By.id("insightsForm:roundNoteText")).getText());
        screenshot("insights");

        SelectMenu.choose(driver, "insightsForm:severity", "critical");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !rows().isEmpty() && rows().stream()
                .allMatch(r -> r.findElement(By.cssSelector(".insight-severity")).getText().equals("critical")));
        assertTrue(driver.findElement(By.id("insightsForm:csv")).getAttribute("href").contains("severity=critical"));

        rows().get(0).findElement(By.cssSelector(".insight-history-link")).click();
        waitForAjax(driver);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("historyTitle")).isEmpty());
        String history = driver.findElement(By.id("insightsForm:history")).getText();
        assertTrue(history.contains("opened"), history);

        WebElement analyse = driver.findElement(By.id("insightsForm:analyse"));
        assertTrue(analyse.isEnabled(), "operators may run a round");
        analyse.click();
        waitForAjax(driver);
    }

    @Test
    void aRoundRunElsewhereIsPushedToThePageWithoutAReload() {
        SignInPage.open(driver, null).signInAs(Insights.VIEWER, Insights.VIEWER_KEY);
        driver.get(BASE + "/insights.xhtml");
        WebElement live = driver.findElement(By.id("insightsLive"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "open".equals(live.getAttribute("data-live-state")));
        String before = new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("insightsForm:roundNoteText")).getText());
        Insights.round();
        // the fallback poll runs every 60 s: only the pushed event updates the note this soon
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !"0".equals(String.valueOf(
                live.getAttribute("data-live-updates") == null ? "0" : live.getAttribute("data-live-updates"))));
        // the note is re-rendered under our feet: a stale reference is read again
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("insightsForm:roundNoteText")).getText().equals(before));
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("insightsForm:roundNoteText")).getText().contains("Last round"));
    }

    @Test
    void aViewerReadsButCannotRunARound() {
        SignInPage.open(driver, null).signInAs(Insights.VIEWER, Insights.VIEWER_KEY);
        driver.get(BASE + "/insights.xhtml");
        waitForAjax(driver);
        assertFalse(rows().isEmpty(), table());
        assertFalse(driver.findElement(By.id("insightsForm:analyse")).isEnabled(), "operators only");
    }
}
