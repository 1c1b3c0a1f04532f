package it.io.fleetdashboard.logsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Log search page in demo mode (the simulator's Elasticsearch stand-in): a text search runs off the request
 * thread, the page polls for it, every line shown contains the text, the URL keeps the filters and the CSV link
 * gives the same lines.
 */
class LogSearchPageIT extends PageTest {

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("[id='searchForm:hits_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    @Test
    void aTextSearchShowsOnlyMatchingLinesAndTheCsvHasThem() {
        Api.healthyFleet();
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.findElement(By.cssSelector("[data-nav='navLogSearch']")).click();
        waitForAjax(driver);
        assertTrue(driver.getPageSource().contains("stand-in"), "demo mode searches the simulator's stand-in");

        driver.findElement(By.id("searchForm:text")).sendKeys("connection pool exhausted");
        driver.findElement(By.id("searchForm:search")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the search ends and shows lines")
                .until(d -> !d.findElements(By.id("searchForm:summary")).isEmpty() && !rows().isEmpty());
        waitForAjax(driver);
        for (WebElement row : rows()) {
            assertTrue(row.getText().contains("connection pool exhausted"), row.getText());
        }
        String summary = driver.findElement(By.id("searchForm:summary")).getText();
        assertTrue(summary.contains("matching line"), summary);
        screenshot("log-search");

        String csv = driver.findElement(By.id("searchForm:csv")).getAttribute("href");
        assertTrue(csv.contains("format=csv") && csv.contains("text=connection+pool+exhausted"), csv);
        String body = Api.get(csv.substring(BASE.length())).body();
        String[] lines = body.split("\r\n");
        assertTrue(lines.length > 1, body);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains("connection pool exhausted"), lines[i]);
        }
        assertEquals("Time (UTC),Host,Container,Level,Message", lines[0]);
    }
}
