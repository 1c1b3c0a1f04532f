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
                .map(row -> row.findElements(By.className("endpoint-name")))
                .filter(names -> !names.isEmpty())
                .map(names -> names.get(0).getText().trim())
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

    /** Clicks a row's State cell (not its link, not its checkbox): the row's selection opens the details. */
    public void selectRow(int row) {
        WebElement tr = driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).get(row);
        WebElement status = tr.findElement(By.className("state-tag")).findElement(By.xpath(".."));
        js("arguments[0].scrollIntoView({block: 'center'});", status);
        status.click();
    }

    public String csvHref() {
        return driver.findElement(By.id("workloadsForm:csv")).getAttribute("href");
    }

    /** See {@link PageTest#fitsTheWidth}. */
    public boolean fitsTheWidth() {
        return PageTest.fitsTheWidth(driver);
    }

    public String growl() {
        return driver.findElements(By.cssSelector(".ui-growl-item")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + " " + b).trim();
    }

    /** True when the table has selection checkboxes (operators). */
    public boolean hasSelectionBoxes() {
        return !driver.findElements(By.cssSelector("[id='workloadsForm:containers'] .ui-selection-column")).isEmpty();
    }

    /** True when the page has the bar of actions on the selection (operators). */
    public boolean hasActionBar() {
        return !driver.findElements(By.id("workloadsForm:actionBar")).isEmpty();
    }

    /** The container key of a row on the current page. */
    public String rowKey(int row) {
        return driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).get(row)
                .getAttribute("data-rk");
    }

    /** Ticks a row's checkbox and waits until the action bar counts it. */
    public void tick(int row) {
        int before = selectedCount();
        WebElement box = driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).get(row)
                .findElement(By.cssSelector(".ui-selection-column .ui-chkbox-box"));
        js("arguments[0].scrollIntoView({block: 'center'});", box);
        box.click();
        new WebDriverWait(driver, DEADLINE).until(d -> selectedCount() == before + 1);
    }

    /** How many containers the action bar says are selected. */
    public int selectedCount() {
        // read in one script: the bar is replaced by every selection's ajax update
        Object count = js("var bar = document.getElementById('workloadsForm:actionBar');"
                + " return bar ? bar.getAttribute('data-selected') : null;");
        if (count == null) {
            throw new AssertionError("no action bar on the page");
        }
        return Integer.parseInt(count.toString());
    }

    /** The text of the confirmation after pressing an action of the bar (the dialog stays open). */
    public String pressSelectionAction(String label) {
        WebElement button = driver.findElement(By.id("workloadsForm:selection" + label));
        js("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        WebDriverWait wait = new WebDriverWait(driver, DEADLINE);
        wait.until(d -> d.findElement(By.id("confirmSelection")).isDisplayed());
        return driver.findElement(By.cssSelector("[id='confirmSelection'] .ui-confirm-dialog-message")).getText();
    }

    /** Confirms the open dialog and waits (with a deadline) until every container of the run has a result. */
    public java.util.Map<String, String> confirmAndWaitForResults() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("confirmYes")))
                .click();
        // read in scripts: the poll replaces the panel every second until the run is finished
        wait.until(d -> Boolean.TRUE.equals(js("var p = document.getElementById('workloadsForm:runPanel');"
                + " return !!p && p.getAttribute('data-finished') === 'true';")));
        PageTest.waitForAjax(driver);
        java.util.Map<String, String> outcomes = new java.util.TreeMap<>();
        Object pairs = js("return Array.from(document.querySelectorAll("
                + "\"[id='workloadsForm:runPanel'] .selection-result\")).map(function (r) {"
                + " return r.getAttribute('data-key') + '=' + r.getAttribute('data-outcome'); });");
        for (Object pair : (java.util.List<?>) pairs) {
            String text = pair.toString();
            outcomes.put(text.substring(0, text.lastIndexOf('=')), text.substring(text.lastIndexOf('=') + 1));
        }
        return outcomes;
    }

    public String runProgress() {
        return driver.findElement(By.id("workloadsForm:runProgress")).getText().trim();
    }

    /** The Restarts cell of a row on the current page ("–" when not inspected). */
    public String restarts(int row) {
        return restartCell(row).getText().trim();
    }

    /** The Restarts cell's tooltip: "as of ..." or "Not inspected ...". */
    public String restartsTitle(int row) {
        return restartCell(row).getAttribute("title");
    }

    private WebElement restartCell(int row) {
        return driver.findElements(By.cssSelector("[id='workloadsForm:containers_data'] > tr")).get(row)
                .findElement(By.className("restart-count"));
    }
}
