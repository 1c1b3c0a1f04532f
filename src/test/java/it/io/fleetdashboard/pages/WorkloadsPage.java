package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Workloads page: filters, the per-endpoint chart and the lazy container table. */
public class WorkloadsPage {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private final WebDriver driver;

    public WorkloadsPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens /workloads.xhtml with the given query string ("" or "?state=running"). */
    public static WorkloadsPage open(WebDriver driver, String query) {
        driver.get(PageTest.BASE + "/workloads.xhtml" + query);
        PageTest.waitForAjax(driver);
        return new WorkloadsPage(driver);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The container names of the rows on the table's current page. */
    public List<String> names() {
        return driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] .container-link")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** The endpoint column of the rows on the current page (without the data mark). */
    public List<String> endpoints() {
        return driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .filter(cells -> cells.size() > 2)
                .map(cells -> cells.get(1).findElement(By.className("endpoint-name")).getText().trim())
                .toList();
    }

    public boolean isEmpty() {
        return !driver.findElements(By.id("workloadsEmpty")).isEmpty();
    }

    /** "12 of 300 containers". */
    public String shown() {
        return driver.findElement(By.id("workloadsForm:shown")).getText().trim();
    }

    /** How many containers the filters keep, from "N of M containers". */
    public int shownCount() {
        return Integer.parseInt(shown().split(" ")[0].replace(",", ""));
    }

    /** The query string the page last rendered for its filters (what the address bar gets). */
    public String renderedQuery() {
        // one script, not find-then-read: an ajax update may replace the element in between
        Object query = js("var e = document.querySelector('.workloads-query');"
                + " return e ? e.getAttribute('data-query') : null;");
        return query == null ? "" : query.toString();
    }

    /** Types into the search box and waits until the page has applied it. */
    public void search(String text) {
        WebElement box = driver.findElement(By.id("workloadsForm:search"));
        box.clear();
        box.sendKeys(text);
        // the box sends after a pause in typing: wait until the rendered filters say this search arrived
        String expected = "search=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
        new WebDriverWait(driver, DEADLINE).until(d -> renderedQuery().matches(".*[?&]" + java.util.regex.Pattern
                .quote(expected) + "(&.*)?$"));
        PageTest.waitForAjax(driver);
    }

    /** Picks an option of a filter menu (environment, endpoint, stack, state, health) by its label. */
    public void choose(String menu, String label) {
        SelectMenu.choose(driver, "workloadsForm:" + menu, label);
    }

    public void showRows(int perPage) {
        WebElement select = driver.findElement(By.cssSelector("[id='workloadsForm:containers'] select.ui-paginator-rpp-options"));
        new org.openqa.selenium.support.ui.Select(select).selectByValue(Integer.toString(perPage));
        PageTest.waitForAjax(driver);
    }

    /** Sorts by a column header ("Created (UTC)", "Container", ...): one click, ascending. */
    public void sortBy(String header) {
        WebElement th = driver.findElements(By.cssSelector("[id='workloadsForm:containers'] th")).stream()
                .filter(h -> h.getText().trim().startsWith(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + header));
        js("arguments[0].scrollIntoView({block: 'center'});", th);
        th.click();
        PageTest.waitForAjax(driver);
    }

    /** The chart's bar labels, in order ("agent-7 (sim-1)", ..., "others (12 endpoints)"). */
    @SuppressWarnings("unchecked")
    public List<String> barLabels() {
        return (List<String>) js("return PF('workloadsChart').chart.data.labels.slice();");
    }

    /**
     * Clicks bar {@code index} of the chart with the mouse, where Chart.js drew it (on its first non-empty
     * segment), and waits for the table to follow.
     */
    @SuppressWarnings("unchecked")
    public void clickBar(int index) {
        Map<String, Object> point = (Map<String, Object>) js("""
                var chart = PF('workloadsChart').chart;
                for (var d = 0; d < chart.data.datasets.length; d++) {
                    if (chart.data.datasets[d].data[arguments[0]] > 0) {
                        var p = chart.getDatasetMeta(d).data[arguments[0]].getCenterPoint();
                        var r = chart.canvas.getBoundingClientRect();
                        return {x: p.x - r.width / 2, y: p.y - r.height / 2};
                    }
                }
                return null;""", index);
        if (point == null) {
            throw new AssertionError("bar " + index + " has no segment to click");
        }
        WebElement canvas = driver.findElement(By.cssSelector("[id='workloadsForm:endpointChart'] canvas"));
        js("arguments[0].scrollIntoView({block: 'center'});", canvas);
        new Actions(driver).moveToElement(canvas, (int) Math.round(((Number) point.get("x")).doubleValue()),
                (int) Math.round(((Number) point.get("y")).doubleValue())).click().perform();
        new WebDriverWait(driver, DEADLINE).until(d -> renderedQuery().contains("endpoint="));
        PageTest.waitForAjax(driver);
    }

    /** The "Endpoint: ..." chip shown while the table is filtered to one endpoint, or "" without one. */
    public String endpointChip() {
        return driver.findElements(By.id("workloadsForm:endpointChip")).stream().map(WebElement::getText)
                .map(String::trim).findFirst().orElse("");
    }

    /** Clicks a row's Status cell (not its link): the row's selection opens the details. */
    public void selectRow(int row) {
        WebElement tr = driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).get(row);
        WebElement status = tr.findElements(By.tagName("td")).get(5);
        js("arguments[0].scrollIntoView({block: 'center'});", status);
        status.click();
    }

    public String csvHref() {
        return driver.findElement(By.id("workloadsForm:csv")).getAttribute("href");
    }

    /** True when the page is wider than the window (the page itself would scroll sideways). */
    public boolean scrollsSideways() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /**
     * After the window was resized: true once the page fits the window's width (the layout may take a moment to
     * follow the new size), false if it still scrolls sideways at the deadline.
     */
    public boolean fitsTheWidth() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !scrollsSideways());
            return true;
        } catch (org.openqa.selenium.TimeoutException stillTooWide) {
            return false;
        }
    }

    public String growl() {
        return driver.findElements(By.cssSelector(".ui-growl-item")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + " " + b).trim();
    }
}
