package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.PrometheusSamples;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A dead Portainer opens its environment's circuit breaker, and the state is the same in the API, on /metrics and
 * in Home's environments table; when the server answers again the breaker's trial closes it everywhere. The other
 * environment's breaker stays closed all along.
 */
class CircuitPageIT extends PageTest {

    private static final String DEAD = "sim-2";
    private static final String HEALTHY = "sim-1";

    @BeforeAll
    static void twoServers() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    @AfterAll
    static void restore() {
        Api.post("/simulator/control/faults", "[]");
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    private static Map<String, JsonObject> circuits() {
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonValue value : Api.json(Api.get("/api/v1/circuits").body()).asJsonArray()) {
            byName.put(value.asJsonObject().getString("environment"), value.asJsonObject());
        }
        return byName;
    }

    private static double breakerGauge(String environment) {
        Double value = PrometheusSamples.value(PrometheusSamples.scrape(), "fleet_portainer_breaker_state",
                "environment", environment);
        return value == null ? -1 : value;
    }

    /** Home's "Circuit (now)" cell of an environment (by its display name's row position: the snapshot's order). */
    private String homeCircuit(String environment) {
        driver.get(BASE + "/index.xhtml");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("[id$='environmentsTable'] tbody tr"));
            for (WebElement row : rows) {
                if (row.getText().contains(environment)) {
                    List<WebElement> cell = row.findElements(By.cssSelector(".environment-circuit"));
                    return cell.isEmpty() ? null : cell.get(0).getAttribute("class") + " | " + cell.get(0).getText();
                }
            }
            return null;
        });
    }

    @Test
    void aDeadPortainerOpensItsCircuitEverywhereAndTheTrialClosesItWhenItAnswersAgain() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        assertEquals("closed", circuits().get(DEAD).getString("state"), circuits().toString());
        assertTrue(homeCircuit(DEAD).contains("circuit-closed"), homeCircuit(DEAD));

        Api.post("/simulator/control/faults", "[{\"server\":\"" + DEAD + "\",\"kind\":\"down\"}]");
        Api.await("the breaker of " + DEAD + " to open after failed refreshes", Duration.ofSeconds(90), () -> {
            Api.refresh();
            return "open".equals(circuits().get(DEAD).getString("state"));
        });

        JsonObject open = circuits().get(DEAD);
        assertTrue(open.containsKey("retryAt"), "an open breaker says when it tries again: " + open);
        assertTrue(Instant.parse(open.getString("retryAt")).isAfter(Instant.now().minusSeconds(1)), open.toString());
        assertEquals("closed", circuits().get(HEALTHY).getString("state"), "the other server is not paused");
        assertEquals(2.0, breakerGauge(DEAD), "open is 2 on /metrics");
        assertEquals(0.0, breakerGauge(HEALTHY));
        String cell = homeCircuit(DEAD);
        assertTrue(cell.contains("circuit-open") && cell.contains("open"), cell);
        assertTrue(homeCircuit(HEALTHY).contains("circuit-closed"), homeCircuit(HEALTHY));
        screenshot("home-circuit-open");

        Api.post("/simulator/control/faults", "[]");
        // Open for portainer.breaker.open.seconds (30 s); then the next refresh's first call is the trial.
        Api.await("the breaker of " + DEAD + " to close after the server answers again", Duration.ofSeconds(90),
                () -> {
                    Api.refresh();
                    return "closed".equals(circuits().get(DEAD).getString("state"));
                });
        assertEquals(0.0, breakerGauge(DEAD));
        assertTrue(homeCircuit(DEAD).contains("circuit-closed"), homeCircuit(DEAD));
    }
}
