package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A fleet list page (Edge agents &amp; stacks, Images): GET filter forms, lazy tables, charts, CSV links. */
public class FleetListPage {

    private static final Pattern TOTAL = Pattern.compile("of (\\d+)");
    private final WebDriver driver;

    public FleetListPage(WebDriver driver) {
        this.driver = driver;
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".fleet-table")).isEmpty());
        PageTest.waitForAjax(driver);
    }

    /** Opens a path of the application ("/edge.xhtml?status=offline") in the signed-in browser. */
    public static FleetListPage open(WebDriver driver, String path) {
        driver.get(PageTest.BASE + path);
        return new FleetListPage(driver);
    }

    /** The rows a table shows on its current page (without the "no match" row). */
    public List<WebElement> rows(String tableId) {
        return driver.findElements(By.cssSelector("[id$='" + tableId + "_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    /** The texts of the elements matching a CSS selector inside a table's current page. */
    public List<String> texts(String tableId, String css) {
        return driver.findElements(By.cssSelector("[id$='" + tableId + "_data'] " + css)).stream()
                .map(e -> e.getText().trim()).toList();
    }

    /** The texts of the elements matching a CSS selector in one row (0-based) of a table's current page. */
    public List<String> rowTexts(String tableId, int row, String css) {
        return rows(tableId).get(row).findElements(By.cssSelector(css)).stream().map(e -> e.getText().trim())
                .toList();
    }

    /** The values of an attribute of the elements matching a CSS selector inside a table's current page. */
    public List<String> attributes(String tableId, String css, String attribute) {
        return driver.findElements(By.cssSelector("[id$='" + tableId + "_data'] " + css)).stream()
                .map(e -> e.getAttribute(attribute)).toList();
    }

    /** The total of a paged table, from its "1-25 of N" report; 0 when it shows no row. */
    public int total(String tableId) {
        if (rows(tableId).isEmpty()) {
            return 0;
        }
        String report = driver.findElement(By.cssSelector("[id$='" + tableId + "'] .ui-paginator-current")).getText();
        Matcher m = TOTAL.matcher(report);
        if (!m.find()) {
            throw new AssertionError("no total in the paginator: " + report);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Clicks a column header (sorting by it) and waits for the table's ajax update. */
    public FleetListPage sortBy(String tableId, String headerText) {
        driver.findElements(By.cssSelector("[id$='" + tableId + "'] th")).stream()
                .filter(th -> th.getText().trim().startsWith(headerText)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + headerText)).click();
        PageTest.waitForAjax(driver);
        return this;
    }

    /** A Chart.js chart (p:chart) has drawn its canvas. */
    public boolean chartDrawn(String id) {
        return !driver.findElements(By.cssSelector("[id$='" + id + "'] canvas")).isEmpty();
    }

    /** An ECharts chart has drawn (it sets data-drawn and adds its canvas). */
    public boolean echartDrawn(String id) {
        return !driver.findElements(By.cssSelector("#" + id + "[data-drawn] canvas")).isEmpty();
    }

    public String href(String id) {
        return driver.findElement(By.cssSelector("[id$='" + id + "']")).getAttribute("href");
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    /** Chooses an option of a filter select (by its value); the form submits itself and the page reloads. */
    public FleetListPage choose(String selectId, String value) {
        WebElement select = driver.findElement(By.id(selectId));
        new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(select));
        return new FleetListPage(driver);
    }
}
