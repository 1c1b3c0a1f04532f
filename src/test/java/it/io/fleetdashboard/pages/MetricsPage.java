package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** /container-metrics.xhtml: history tab (chart, summary, top consumers, endpoint totals) and anomalies tab. */
public class MetricsPage {

    private final WebDriver driver;

    public MetricsPage(WebDriver driver) {
        this.driver = driver;
    }

    /** By the end of a client id, whatever naming containers the tab view adds in front. */
    static By id(String suffix) {
        return By.cssSelector("[id$='" + suffix + "']");
    }

    public static MetricsPage openFromNavigation(WebDriver driver) {
        driver.findElement(By.cssSelector("[data-nav='navMetrics']")).click();
        PageTest.waitForAjax(driver);
        return new MetricsPage(driver);
    }

    public boolean isShown() {
        return driver.getCurrentUrl().contains("/container-metrics.xhtml")
                && !driver.findElements(id("metricsForm:historyPanel")).isEmpty();
    }

    public boolean hasChart() {
        return !driver.findElements(By.cssSelector("[id$='metricsForm:chart'] canvas")).isEmpty();
    }

    public long samples() {
        return Long.parseLong(driver.findElement(id("metricsForm:summarySamples")).getText().trim());
    }

    public String summary(String figure) {
        return driver.findElement(id("metricsForm:summary" + figure)).getText().trim();
    }

    public String resolution() {
        return driver.findElement(id("metricsForm:resolution")).getText().trim();
    }

    public String seriesCsvHref() {
        return driver.findElement(id("metricsForm:seriesCsv")).getAttribute("href");
    }

    public int rows(String table) {
        List<WebElement> rows = driver.findElements(By.cssSelector("[id$='" + table + "_data'] > tr"));
        return (int) rows.stream().filter(r -> !r.getAttribute("class").contains("ui-datatable-empty-message"))
                .count();
    }

    /** Picks an option of a select menu by its label. */
    public MetricsPage choose(String menu, String label) {
        SelectMenu.choose(driver, menu, label);
        return this;
    }

    public MetricsPage range(String range) {
        driver.findElement(By.xpath("//*[substring(@id, string-length(@id) - string-length('metricsForm:range') + 1)"
                + " = 'metricsForm:range']//div[contains(@class,'ui-button') and normalize-space(.)='" + range
                + "']")).click();
        PageTest.waitForAjax(driver);
        return this;
    }

    public MetricsPage anomaliesTab() {
        driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space(.)='Anomalies']")).click();
        PageTest.waitForAjax(driver);
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(id("anomaliesForm:anomalies")));
        return this;
    }

    public String anomaliesCsvHref() {
        return driver.findElement(id("anomaliesForm:anomaliesCsv")).getAttribute("href");
    }

    /** The ajax update of a filter may start after the click returns: wait (with a deadline) for its result. */
    public String awaitAnomaliesCsvHref(String part) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(id("anomaliesForm:anomaliesCsv")).getAttribute("href").contains(part));
        return anomaliesCsvHref();
    }

    public String awaitSeriesCsvHref(String part) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(id("metricsForm:seriesCsv")).getAttribute("href").contains(part));
        return seriesCsvHref();
    }

    public String awaitSummary(String figure, String ending) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(id("metricsForm:summary" + figure)).getText().trim().endsWith(ending));
        return summary(figure);
    }
}
