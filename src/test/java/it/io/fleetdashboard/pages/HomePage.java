package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Home page: KPI cards, charts, environments, attention list. */
public class HomePage {

    private final WebDriver driver;

    public HomePage(WebDriver driver) {
        this.driver = driver;
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("kpis")).isEmpty());
    }

    public int kpi(String id) {
        return Integer.parseInt(driver.findElement(By.cssSelector("[data-kpi='" + id + "'] .kpi-value")).getText()
                .trim());
    }

    public int environmentRows() {
        return driver.findElements(By.cssSelector("[id$='environmentsTable_data'] > tr")).size();
    }

    public int attentionItems() {
        return driver.findElements(By.cssSelector("#attentionList > li")).size();
    }

    public boolean chartsRendered() {
        return !driver.findElements(By.cssSelector("[id$='endpointChart'] canvas")).isEmpty()
                && !driver.findElements(By.cssSelector("[id$='stateChart'] canvas")).isEmpty();
    }

    public String csvHref() {
        return driver.findElement(By.id("downloadCsv")).getAttribute("href");
    }

    public void refresh() {
        driver.findElement(By.id("shellForm:refreshButton")).click();
        PageTest.waitForAjax(driver);
    }

    public String growl() {
        return driver.findElements(By.cssSelector(".ui-growl-message")).stream().map(e -> e.getText())
                .reduce("", (a, b) -> a + " " + b).trim();
    }
}
