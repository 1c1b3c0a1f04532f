package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Container health page: alerts, the health distribution, the table with its filters. */
public class HealthPage {

    private final WebDriver driver;

    public HealthPage(WebDriver driver) {
        this.driver = driver;
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("healthForm:containers")).isEmpty());
    }

    public static HealthPage open(WebDriver driver, String query) {
        driver.get(PageTest.BASE + "/health.xhtml" + (query == null ? "" : query));
        PageTest.waitForAjax(driver);
        return new HealthPage(driver);
    }

    /** The alerts of one kind as listed: data-subject and data-restart-count of each. */
    public List<WebElement> alerts(String kind) {
        return driver.findElements(By.cssSelector("#attentionList > li.attention-item[data-kind='" + kind + "']"));
    }

    public String moreLine(String kind) {
        return driver.findElements(By.cssSelector("#attentionList > li.attention-more[data-kind='" + kind + "']"))
                .stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String moreLink(String kind) {
        return driver.findElement(By.cssSelector("#attentionList > li.attention-more[data-kind='" + kind + "'] a"))
                .getAttribute("href");
    }

    public int bucket(String health) {
        return Integer.parseInt(driver.findElement(By.cssSelector("#distribution [data-health='" + health
                + "'] .health-count")).getText().trim());
    }

    /** Picks a health filter by its value ("" = any) through the PrimeFaces menu and waits for the table. */
    public HealthPage filterHealth(String value) {
        return choose("healthForm:healthFilter", value);
    }

    public HealthPage filterTrouble(String value) {
        return choose("healthForm:troubleFilter", value);
    }

    private HealthPage choose(String menuId, String value) {
        SelectMenu.chooseValue(driver, menuId, value);
        return this;
    }

    /** The paginator's total ("1-25 of 37" style current page report is not used: read the row count). */
    public List<WebElement> rows() {
        return driver.findElements(By.cssSelector("[id='healthForm:containers_data'] > tr.health-row"));
    }

    public List<String> rowKeys() {
        return rows().stream().map(r -> r.findElement(By.cssSelector("a.health-open")).getAttribute("data-key"))
                .toList();
    }

    public String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getText();
    }

    public boolean chartRendered() {
        return !driver.findElements(By.cssSelector("[id$='distributionChart'] canvas")).isEmpty();
    }

    public String csvHref() {
        return driver.findElement(By.id("healthForm:csv")).getAttribute("href");
    }

    public String tableText() {
        return driver.findElement(By.id("healthForm:containers")).getText();
    }

    public void openFirstRow() {
        rows().get(0).findElements(By.tagName("td")).get(6).click();
    }
}
