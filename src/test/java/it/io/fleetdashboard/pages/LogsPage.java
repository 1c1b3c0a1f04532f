package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** /logs.xhtml: the container picker, the fetched lines, in-page search and the download link. */
public class LogsPage {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final WebDriver driver;

    public LogsPage(WebDriver driver) {
        this.driver = driver;
    }

    public static LogsPage fromContainerDetails(WebDriver driver, String key) {
        // the sign-in's redirect must have landed first, or it could overtake the next navigation
        new WebDriverWait(driver, DEADLINE).until(d -> !d.getCurrentUrl().contains("signin")
                && !d.findElements(By.cssSelector("[data-nav='navHome']")).isEmpty());
        ContainerPage.open(driver, key);
        new WebDriverWait(driver, DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$='logsLink']")));
        driver.findElement(By.cssSelector("[id$='logsLink']")).click();
        PageTest.waitForAjax(driver);
        return new LogsPage(driver);
    }

    public boolean isShown() {
        return driver.getCurrentUrl().contains("/logs.xhtml") && !driver.findElements(By.id("logsForm")).isEmpty();
    }

    /** Waits until the page's script has shown the lines of the last fetch (or an error), then returns them. */
    public List<String> awaitLines() {
        new WebDriverWait(driver, DEADLINE).until(d -> !d.findElements(By.cssSelector("#logLines[data-loaded]"))
                .isEmpty() || !d.findElement(By.id("logError")).getAttribute("class").contains("logs-hidden"));
        return lines();
    }

    public List<String> lines() {
        return driver.findElements(By.cssSelector("#logLines .log-line")).stream()
                .map(e -> e.getAttribute("textContent").stripTrailing()).toList();
    }

    public List<String> visibleLines() {
        return driver.findElements(By.cssSelector("#logLines .log-line:not(.log-hidden)")).stream()
                .map(e -> e.getAttribute("textContent").stripTrailing()).toList();
    }

    public String status() {
        return driver.findElement(By.id("logStatus")).getText().trim();
    }

    public String error() {
        return driver.findElement(By.id("logError")).getText().trim();
    }

    public int highlights() {
        return driver.findElements(By.cssSelector("#logLines mark")).size();
    }

    public String matches() {
        return driver.findElement(By.id("logMatches")).getText().trim();
    }

    public int linesWith(String cssClass) {
        return driver.findElements(By.cssSelector("#logLines .log-line." + cssClass)).size();
    }

    public LogsPage search(String text) {
        WebElement box = driver.findElement(By.id("logSearch"));
        box.clear();
        box.sendKeys(text);
        return this;
    }

    public LogsPage onlyMatching() {
        driver.findElement(By.id("logOnlyMatching")).click();
        return this;
    }

    public String downloadHref() {
        return driver.findElement(By.id("logsForm:downloadLink")).getAttribute("href");
    }

    public String logsOf() {
        return driver.findElement(By.id("logsForm:logsOf")).getText().trim();
    }

    /** Ticks one more container (by its name) in the containers menu and closes the menu. */
    public LogsPage addContainer(String name) {
        driver.findElement(By.cssSelector("#logsForm\\:containers .ui-selectcheckboxmenu-trigger")).click();
        By item = By.xpath("//div[@id='logsForm:containers_panel']//li[starts-with(normalize-space(.), '" + name
                + " (')]");
        WebElement li = new WebDriverWait(driver, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(item));
        WebElement box = li.findElement(By.cssSelector(".ui-chkbox-box"));
        // a long list (or a very long name) can leave the item outside the panel's visible part
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", li);
        li.click();
        new WebDriverWait(driver, DEADLINE).until(d -> box.getAttribute("class").contains("ui-state-active"));
        driver.findElement(By.cssSelector("#logsForm\\:containers .ui-selectcheckboxmenu-trigger")).click();
        new WebDriverWait(driver, DEADLINE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.id("logsForm:containers_panel")));
        return this;
    }

    public LogsPage followButton() {
        driver.findElement(By.id("logFollow")).click();
        return this;
    }

    public LogsPage pauseButton() {
        driver.findElement(By.id("logPause")).click();
        return this;
    }

    /** Waits until more than the given number of lines are shown. */
    public int awaitMoreLinesThan(int count) {
        new WebDriverWait(driver, DEADLINE).until(d -> lines().size() > count);
        return lines().size();
    }

    public LogsPage fetch() {
        driver.findElement(By.id("logsForm:fetchButton")).click();
        PageTest.waitForAjax(driver);
        return this;
    }

    public String problem() {
        List<WebElement> problem = driver.findElements(By.id("logsForm:problem"));
        return problem.isEmpty() ? "" : problem.get(0).getText().trim();
    }
}
