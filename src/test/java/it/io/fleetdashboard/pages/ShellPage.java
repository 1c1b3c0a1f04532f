package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.util.Arrays;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Any page built on the shell template: top bar, user menu, theme switch, navigation. */
public class ShellPage {

    private final WebDriver driver;

    public ShellPage(WebDriver driver) {
        this.driver = driver;
    }

    public boolean isSignedIn() {
        return !driver.findElements(By.id("shellForm:userMenu")).isEmpty();
    }

    public String userName() {
        return driver.findElement(By.id("shellForm:userMenu")).getText().trim();
    }

    public boolean isDark() {
        return Arrays.asList(driver.findElement(By.tagName("body")).getAttribute("class").split("\\s+")).contains("theme-dark");
    }

    /** The PrimeFaces theme stylesheet the page links, e.g. "primefaces-arya-blue". */
    public String themeLibrary() {
        return driver.findElements(By.cssSelector("link[rel=stylesheet]")).stream().map(l -> l.getAttribute("href"))
                .filter(href -> href != null && href.contains("theme.css")).findFirst()
                .map(href -> href.replaceAll(".*[?&]ln=([^&]+).*", "$1")).orElse("none");
    }

    /** Switches the theme; returns once the page shows the other one (the switch may load the page again). */
    public ShellPage toggleTheme() {
        boolean dark = isDark();
        driver.findElement(By.id("shellForm:themeToggle")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(20)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class).until(d -> isDark() != dark);
        PageTest.waitForAjax(driver);
        return this;
    }

    public String sessionCountdown() {
        return driver.findElement(By.id("shellForm:sessionCountdown")).getText().trim();
    }

    public String snapshotAge() {
        return driver.findElement(By.id("shellForm:snapshotAge")).getText().trim();
    }

    public SignInPage signOut() {
        driver.findElement(By.id("shellForm:userMenu_button")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("shellForm:signOut"))).click();
        PageTest.waitForAjax(driver);
        return new SignInPage(driver);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(PageTest.BASE.length());
    }
}
