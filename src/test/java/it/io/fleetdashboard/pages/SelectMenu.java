package it.io.fleetdashboard.pages;

import it.io.fleetdashboard.PageTest;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Picks an option of a PrimeFaces {@code p:selectOneMenu}, the one way every browser test does it.
 *
 * <p>Under load a click is lost while the overlay still plays its opening transition, or the panel closes again
 * when an ajax update re-renders the menu. So this takes one step per poll, with a deadline, until the menu's
 * label shows the choice: open the panel if it is closed, else click the item once the panel has finished
 * opening.
 */
public final class SelectMenu {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private SelectMenu() {
    }

    /** Chooses by the option's label; {@code id} is the menu's client id or its ending. */
    public static void choose(WebDriver driver, String id, String label) {
        By menu = ending(id);
        By shown = ending(id + "_label");
        By panel = ending(id + "_panel");
        new WebDriverWait(driver, DEADLINE).withMessage(id + " shows " + label)
                .ignoring(RuntimeException.class).until(d -> {
                    if (label.equals(d.findElement(shown).getText().trim())) {
                        return true;
                    }
                    WebElement overlay = d.findElement(panel);
                    if (!overlay.isDisplayed()) {
                        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                "arguments[0].scrollIntoView({block: 'center'});", d.findElement(menu));
                        d.findElement(menu).click();
                    } else if (PageTest.overlayOpen(overlay)) {
                        WebElement item = item(overlay, label);
                        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                "arguments[0].scrollIntoView({block: 'nearest'});", item);
                        item.click();
                    }
                    return false;
                });
        PageTest.waitForAjax(driver);
    }

    /** Chooses by the option's submitted value (looked up in the menu's hidden select). */
    public static void chooseValue(WebDriver driver, String id, String value) {
        String label = new Select(driver.findElement(ending(id + "_input"))).getOptions().stream()
                .filter(o -> value.equals(o.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no option " + value)).getText().trim();
        choose(driver, id, label);
    }

    private static WebElement item(WebElement overlay, String label) {
        List<WebElement> items = overlay.findElements(By.cssSelector("li.ui-selectonemenu-item"));
        return items.stream().filter(li -> label.equals(li.getAttribute("data-label"))
                        || label.equals(li.getText().trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + label + " (yet)"));
    }

    private static By ending(String id) {
        return By.cssSelector("[id$='" + id + "']");
    }
}
