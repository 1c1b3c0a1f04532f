package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A container's details page, /containers/{key}. */
public class ContainerPage {

    private final WebDriver driver;

    public ContainerPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ContainerPage open(WebDriver driver, String key) {
        driver.get(PageTest.BASE + "/containers/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        PageTest.waitForAjax(driver);
        return new ContainerPage(driver);
    }

    public String text(String id) {
        return driver.findElement(By.id("detailsForm:" + id)).getText().trim();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id("detailsForm:" + id)).isEmpty();
    }

    /** The security posture checks listed (data-check of each item). */
    public List<String> postureChecks() {
        return driver.findElements(By.cssSelector("#posture .posture-item")).stream()
                .map(e -> e.getAttribute("data-check")).toList();
    }

    /** Text of the environment variables table, "NAME=value" per row. */
    public List<String> variables() {
        return driver.findElements(By.cssSelector("[id$='detailsForm:env_data'] > tr")).stream()
                .map(row -> row.findElements(By.tagName("td"))).filter(cells -> cells.size() >= 2)
                .map(cells -> cell(cells.get(0)) + "=" + cell(cells.get(1))).toList();
    }

    private static String cell(WebElement td) {
        List<WebElement> values = td.findElements(By.cssSelector("span.mono"));
        return (values.isEmpty() ? td.getText() : values.get(0).getText()).trim();
    }

    /** Clicks an action button (start, stop, restart, kill), confirms, and waits for the result. */
    public String act(String action) {
        driver.findElement(By.id("detailsForm:" + action + "Button")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        PageTest.waitForAjax(driver);
        wait.until(d -> !d.findElements(By.id("detailsForm:actionResult")).isEmpty());
        return driver.findElement(By.id("detailsForm:actionResult")).getAttribute("data-outcome");
    }
}
