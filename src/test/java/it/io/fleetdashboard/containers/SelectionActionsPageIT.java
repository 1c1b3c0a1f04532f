package it.io.fleetdashboard.containers;

import static it.io.fleetdashboard.containers.Containers.OPERATOR;
import static it.io.fleetdashboard.containers.Containers.OPERATOR_KEY;
import static it.io.fleetdashboard.containers.Containers.VIEWER;
import static it.io.fleetdashboard.containers.Containers.VIEWER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import it.io.fleetdashboard.pages.WorkloadsPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Actions on the Workloads table's selection: an operator ticks two containers, restarts them after a confirmation
 * that names them, and sees a result per container; the simulated Docker restarted both and the audit log lists
 * both. A viewer gets neither checkboxes nor the action bar.
 */
class SelectionActionsPageIT extends PageTest {

    @BeforeAll
    void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    @AfterAll
    void restoreTheWorld() {
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    private static String startedAt(String key) {
        return Api.simulatedDocker(key, "/json").getJsonObject("State").getString("StartedAt");
    }

    private static String name(String key) {
        return Api.simulatedDocker(key, "/json").getString("Name").substring(1);
    }

    @Test
    void anOperatorRestartsTwoSelectedContainersAndEachIsDoneAndAudited() {
        SignInPage.open(driver, null).signInAs(OPERATOR, OPERATOR_KEY);
        WorkloadsPage page = WorkloadsPage.open(driver, "?endpoint=sim-1%3A1&state=running");
        assertTrue(page.hasSelectionBoxes(), "an operator gets checkboxes");
        assertEquals(0, page.selectedCount());
        List<String> keys = List.of(page.rowKey(0), page.rowKey(1));
        Map<String, String> before = new TreeMap<>();
        keys.forEach(k -> before.put(k, startedAt(k)));

        page.tick(0);
        page.tick(1);
        assertEquals(2, page.selectedCount());
        String confirmation = page.pressSelectionAction("Restart");
        assertTrue(confirmation.contains("2 containers"), confirmation);
        for (String key : keys) {
            assertTrue(confirmation.contains(name(key)), confirmation + " names " + name(key));
        }

        Map<String, String> outcomes = page.confirmAndWaitForResults();

        Map<String, String> expected = new TreeMap<>();
        keys.forEach(k -> expected.put(k, "DONE"));
        assertEquals(expected, outcomes, page.runProgress());
        assertTrue(page.runProgress().contains("2 done, 0 failed"), page.runProgress());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('workloadsForm:actionBar').scrollIntoView({block: 'start'});");
        screenshot("workloads-selection");
        for (String key : keys) {
            assertNotEquals(before.get(key), startedAt(key), key + " was restarted in the simulated Docker");
        }
        List<JsonObject> audited = Api.object("/api/v1/audit?action=container.restart&user=operator&limit=1000")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        for (String key : keys) {
            assertTrue(audited.stream().anyMatch(e -> key.equals(e.getString("target", null))
                    && "SUCCESS".equals(e.getString("result"))), key + " is in the audit log");
        }
        assertEquals(0, page.selectedCount(), "the selection is cleared once the action started");
    }

    @Test
    void aViewerGetsNoSelectionAndNoActions() {
        SignInPage.open(driver, null).signInAs(VIEWER, VIEWER_KEY);
        WorkloadsPage page = WorkloadsPage.open(driver, "");
        assertFalse(page.names().isEmpty(), "the viewer sees the containers");
        assertFalse(page.hasSelectionBoxes(), "a viewer gets no checkboxes");
        assertFalse(page.hasActionBar(), "a viewer gets no action bar");
        assertFalse(driver.getPageSource().contains("selectionRestart"), "no action button in the page");
    }
}
