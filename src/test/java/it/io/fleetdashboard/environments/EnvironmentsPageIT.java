package it.io.fleetdashboard.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Environments page as an admin: an environment is added in the form pointing at a simulated Portainer server,
 * tested (version, endpoint count, latency), collected by the refresh the save starts (its endpoints in the list),
 * changed, disabled and enabled, and removed; failing tests explain why; an environment of the variables is
 * read-only; the page fits a phone.
 */
class EnvironmentsPageIT extends PageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private void openPage() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/environments.xhtml");
        waitForAjax(driver);
        assertEquals("Environments", driver.findElement(By.id("pageTitle")).getText());
    }

    private Optional<WebElement> row(String name) {
        return driver.findElements(By.cssSelector("[id='environmentsForm:environments_data'] > tr")).stream()
                .filter(r -> r.findElements(By.cssSelector(".environment-name")).stream()
                        .anyMatch(n -> n.getText().equals(name))).findFirst();
    }

    private WebElement rowOf(String name) {
        return row(name).orElseThrow(() -> new AssertionError("no row for " + name));
    }

    /** Clicks a button (or link) and waits for the ajax update to land. */
    private void click(WebElement element) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
        waitForAjax(driver);
    }

    private void click(String id) {
        click(driver.findElement(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String probe() {
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.id("environmentsForm:probe")).isEmpty());
        return driver.findElement(By.id("environmentsForm:probe")).getText();
    }

    private void openAddForm(String name, String url, String key) {
        click("environmentsForm:addButton");
        type("environmentsForm:name", name);
        type("environmentsForm:displayName", "Page " + name);
        type("environmentsForm:apiUrl", url);
        type("environmentsForm:apiKey", key);
    }

    @Test
    void anAdminAddsTestsSeesCollectedChangesDisablesAndRemovesAnEnvironment() {
        JsonObject sim = AdminApi.simulatedServer("sim-2");
        String key = sim.getString("apiKey");
        int endpoints = Api.object("/api/v1/environments/sim-2/status").getInt("endpoints");
        String name = AdminApi.uniqueName("page-env");
        openPage();
        try {
            openAddForm(name, sim.getString("baseUrl"), key);
            click("environmentsForm:testForm");
            String tested = probe();
            assertTrue(tested.contains("connected"), tested);
            Matcher figures = Pattern.compile("Portainer 2\\.23\\.0, (\\d+) endpoint\\(s\\), (\\d+) ms")
                    .matcher(tested);
            assertTrue(figures.find(), "version, endpoints and latency: " + tested);
            assertEquals(endpoints, Integer.parseInt(figures.group(1)), tested);
            assertEquals(404, Api.get("/api/v1/environments/" + name).statusCode(), "a test saves nothing");
            WebElement keyField = driver.findElement(By.id("environmentsForm:apiKey"));
            assertEquals("", keyField.getAttribute("value"), "the key is not sent back to the browser");
            assertTrue(keyField.getAttribute("placeholder").startsWith("entered"), "but kept for the save");

            click("environmentsForm:save");
            new WebDriverWait(driver, WAIT).until(d -> row(name).isPresent());
            assertEquals("UI", rowOf(name).findElement(By.cssSelector(".environment-source")).getText());
            assertEquals("enabled", rowOf(name).findElement(By.cssSelector(".environment-enabled")).getText());
            assertFalse(driver.getPageSource().contains(key), "the key is never shown");

            // the save started a refresh: the list shows what it collected, no restart, no manual refresh
            Api.await("the environment's endpoints in the list", WAIT, () -> {
                driver.navigate().refresh();
                waitForAjax(driver);
                return row(name).map(r -> r.findElement(By.cssSelector(".environment-endpoints")).getText()
                        .startsWith(endpoints + " (")).orElse(false);
            });
            assertTrue(Api.object("/api/v1/endpoints?limit=1000").toString().contains("\"" + name + ":"),
                    "its endpoints are in the fleet");

            click(rowOf(name).findElement(By.cssSelector(".environment-edit")));
            assertEquals("", driver.findElement(By.id("environmentsForm:apiKey")).getAttribute("value"),
                    "write-only: the key field starts empty");
            assertFalse(driver.getPageSource().contains(key), "the key is never shown");
            type("environmentsForm:displayName", "Renamed " + name);
            click("environmentsForm:save");
            new WebDriverWait(driver, WAIT).until(d -> row(name).map(r -> r.getText().contains("Renamed " + name))
                    .orElse(false));
            assertEquals("Renamed " + name, Api.object("/api/v1/environments/" + name).getString("displayName"));

            click(rowOf(name).findElement(By.cssSelector(".environment-disable")));
            new WebDriverWait(driver, WAIT).until(d -> rowOf(name).findElement(By.cssSelector(
                    ".environment-enabled")).getText().equals("disabled"));
            assertFalse(Api.object("/api/v1/environments/" + name).getBoolean("enabled"));
            click(rowOf(name).findElement(By.cssSelector(".environment-enable")));
            new WebDriverWait(driver, WAIT).until(d -> rowOf(name).findElement(By.cssSelector(
                    ".environment-enabled")).getText().equals("enabled"));
            assertTrue(Api.object("/api/v1/environments/" + name).getBoolean("enabled"));
            screenshot("environments");

            click(rowOf(name).findElement(By.cssSelector(".environment-remove")));
            click("confirmYes");
            new WebDriverWait(driver, WAIT).until(d -> row(name).isEmpty());
            assertEquals(404, Api.get("/api/v1/environments/" + name).statusCode());

            String audit = Api.get("/api/v1/audit?action=environment.*&limit=200").body();
            for (String action : List.of("environment.test", "environment.create", "environment.update",
                    "environment.disable", "environment.enable", "environment.delete")) {
                assertTrue(audit.contains(action), action + " audited: " + audit);
            }
            assertTrue(audit.contains(name), audit);
            assertFalse(audit.contains(key), "the audit log never holds the key");
        } finally {
            AdminApi.remove(name);
        }
    }

    @Test
    void aFailingTestExplainsTheReasonAndStoresNothing() {
        JsonObject sim = AdminApi.simulatedServer("sim-1");
        String name = AdminApi.uniqueName("page-fail");
        openPage();
        openAddForm(name, sim.getString("baseUrl"), "ptr_wrong_key");
        click("environmentsForm:testForm");
        String wrongKey = probe();
        assertTrue(wrongKey.contains("failed (unauthorized)"), wrongKey);
        assertTrue(wrongKey.contains("401"), "the explained reason: " + wrongKey);
        assertFalse(driver.getPageSource().contains("ptr_wrong_key"), "the key is not echoed");

        type("environmentsForm:apiUrl", "http://127.0.0.1:1");
        click("environmentsForm:testForm");
        new WebDriverWait(driver, WAIT).until(d -> probe().contains("failed (refused)"));
        assertTrue(probe().contains("refused"), probe());

        type("environmentsForm:apiUrl", "http://no-such-portainer.invalid:9000");
        click("environmentsForm:testForm");
        new WebDriverWait(driver, WAIT).until(d -> probe().contains("failed (dns)"));

        click("environmentsForm:cancel");
        assertTrue(driver.findElements(By.id("environmentsForm:editor")).isEmpty(), "the form is closed");
        assertEquals(404, Api.get("/api/v1/environments/" + name).statusCode(), "nothing was stored");
    }

    @Test
    void anEnvironmentOfTheVariablesIsShownReadOnlyWithWhereItComesFrom() throws Exception {
        String name = AdminApi.uniqueName("page-vars");
        StoredEnvironments.register(name, "http://127.0.0.1:1/api", "ptr_from_variables", "ENV", false);
        try {
            openPage();
            WebElement row = rowOf(name);
            assertEquals("ENV", row.findElement(By.cssSelector(".environment-source")).getText());
            assertTrue(row.findElement(By.cssSelector(".admin-origin")).getText()
                    .startsWith("environment variables PORTAINER_"), row.getText());
            assertTrue(row.findElements(By.cssSelector(".environment-edit")).isEmpty(), "not editable here");
            assertTrue(row.findElements(By.cssSelector(".environment-remove")).isEmpty(), "not removable here");
            assertFalse(row.findElements(By.cssSelector(".environment-enable")).isEmpty(), "but it can be enabled");
            assertFalse(driver.getPageSource().contains("ptr_from_variables"));
        } finally {
            StoredEnvironments.deleteLike(name);
        }
    }

    @Test
    void thePageAndItsFormFitAPhone() {
        openPage();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        waitForAjax(driver);
        assertTrue(fitsTheWidth(driver), "the list does not scroll the page sideways");
        click("environmentsForm:addButton");
        assertTrue(fitsTheWidth(driver), "nor does the form");
        screenshot("environments-phone");
    }
}
