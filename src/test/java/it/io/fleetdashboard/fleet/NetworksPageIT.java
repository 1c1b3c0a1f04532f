package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SelectMenu;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Networks page: the whole demo fleet is over the graph's node limit and the page says to filter; one
 * endpoint (from a bookmarked URL) draws its graph and lists exactly its attachments; a network filter keeps the
 * URL and the CSV link in step; a row opens the container's details.
 */
class NetworksPageIT extends PageTest {

    @BeforeAll
    void knownWorld() {
        Api.healthyFleet();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector(
                "[id='networksForm:connections_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    private void waitUntil(String what, java.util.function.Predicate<org.openqa.selenium.WebDriver> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(condition::test);
    }

    @Test
    void theFleetAsksForAFilterAndAnEndpointIsDrawnWithExactlyItsConnections() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.findElement(By.cssSelector("[data-nav='navNetworks']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/networks.xhtml"), driver.getCurrentUrl());
        JsonObject fleet = Api.object("/api/v1/networks/topology").getJsonObject("topology");
        assertEquals(fleet.getBoolean("overLimit"), !driver.findElements(By.id("networksForm:overLimit")).isEmpty(),
                "the page says what the API says about the node limit: " + fleet.getInt("containers"));

        String key = SimulatedFleet.liveEndpoint(2, 20).getString("key");
        Set<String> truth = new TreeSet<>();
        for (JsonValue value : SimulatedFleet.containerList(key)) {
            JsonObject c = value.asJsonObject();
            String name = c.getJsonArray("Names").getString(0).substring(1);
            c.getJsonObject("NetworkSettings").getJsonObject("Networks").keySet()
                    .forEach(network -> truth.add(name + " " + network));
        }
        driver.get(BASE + "/networks.xhtml?endpoint=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        waitForAjax(driver);
        waitUntil("the graph is drawn", d -> d.findElement(By.id("networksForm:graph"))
                .getAttribute("data-drawn") != null);
        Set<String> listed = rows().stream().map(r -> r.findElements(By.tagName("td")))
                .map(cells -> cellText(cells.get(3)) + " " + cellText(cells.get(1)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(truth, listed, "the endpoint's attachments, no more, no less");
        screenshot("networks");

        driver.findElement(By.tagName("body")).sendKeys("/");
        assertEquals("networksForm:search", driver.switchTo().activeElement().getAttribute("id"), "/ focuses search");

        String network = truth.iterator().next().split(" ")[1];
        SelectMenu.choose(driver, "networksForm:network", network);
        waitUntil("only " + network + " is listed", d -> rows().stream()
                .allMatch(r -> cellText(r.findElements(By.tagName("td")).get(1)).equals(network)));
        waitUntil("the URL keeps the filter", d -> d.getCurrentUrl().contains("network="
                + URLEncoder.encode(network, StandardCharsets.UTF_8)));
        String csv = driver.findElement(By.id("networksForm:csv")).getAttribute("href");
        assertTrue(csv.contains("network=") && csv.contains("endpoint="), csv);
        String body = Api.get(csv.substring(BASE.length())).body();
        assertEquals(rows().size(), body.split("\r\n").length - 1, "the CSV holds the filtered rows: " + body);

        WebElement link = rows().get(0).findElement(By.cssSelector("a.container-link"));
        link.click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/containers/"), driver.getCurrentUrl());
    }

    /** The text of a table cell without the column title that reflow mode adds for phones. */
    private static String cellText(WebElement cell) {
        List<WebElement> title = cell.findElements(By.cssSelector(".ui-column-title"));
        String text = cell.getText();
        return title.isEmpty() ? text.trim() : text.substring(title.get(0).getText().length()).trim();
    }

}
