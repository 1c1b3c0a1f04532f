package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** /signin.xhtml */
public class SignInPage {

    private final WebDriver driver;

    public SignInPage(WebDriver driver) {
        this.driver = driver;
    }

    public static SignInPage open(WebDriver driver, String next) {
        driver.get(PageTest.BASE + "/signin.xhtml" + (next == null ? "" : "?next=" + next));
        PageTest.waitForAjax(driver);
        return new SignInPage(driver);
    }

    public boolean isShown() {
        return driver.getCurrentUrl().contains("/signin.xhtml") && !driver.findElements(By.id("signInForm")).isEmpty();
    }

    /** Submits the form; the next page (or this one with a message) has loaded when this returns. */
    public void signIn(String username, String key, boolean keepSignedIn) {
        driver.findElement(By.id("signInForm:username")).clear();
        driver.findElement(By.id("signInForm:username")).sendKeys(username);
        driver.findElement(By.id("signInForm:key")).sendKeys(key);
        if (keepSignedIn) {
            driver.findElement(By.cssSelector("#signInForm\\:keepSignedIn .ui-chkbox-box")).click();
        }
        WebElement form = driver.findElement(By.id("signInForm"));
        String before = message();
        driver.findElement(By.id("signInForm:signInButton")).click();
        // the click only starts the request: wait for the next page (this form gone) or a new message on this one
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> gone(form) || !message().equals(before));
        PageTest.waitForAjax(driver);
    }

    /** Whether the element left the document: Chrome says so as a stale element, or mid-navigation as "Node with
     * given id does not belong to the document". */
    private static boolean gone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException navigating) {
            return navigating.getMessage() != null && navigating.getMessage().contains("does not belong to the document");
        }
    }

    public ShellPage signInAs(String username, String key) {
        signIn(username, key, false);
        return new ShellPage(driver);
    }

    public String message() {
        try {
            return driver.findElement(By.id("signInForm:signInMessages")).getText().trim();
        } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException navigatedAway) {
            return "";
        }
    }
}
