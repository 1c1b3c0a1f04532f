package it.io.fleetdashboard.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.ContainerPage;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/** The container details page against the simulated Docker: values, masked secrets, roles and an action. */
class ContainerDetailsPageIT extends PageTest {

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

    @Test
    void theViewerSeesDockersValuesNoSecretsAndNoActions() {
        String key = Containers.find("running", i -> Containers.hasEnv(i, "DB_PASSWORD")
                && Containers.hasEnv(i, "UPSTREAM_SESSION"));
        JsonObject truth = Api.simulatedDocker(key, "/json");
        SignInPage.open(driver, null).signInAs(Containers.VIEWER, Containers.VIEWER_KEY);

        ContainerPage page = ContainerPage.open(driver, key);

        assertEquals(truth.getString("Name").substring(1), page.text("containerName"));
        assertEquals(Integer.toString(truth.getInt("RestartCount")), page.text("restartCount"));
        assertEquals(truth.getJsonObject("Config").getString("Image"), page.text("image"));
        assertEquals(truth.getString("Id"), page.text("containerId"));
        JsonObject network = truth.getJsonObject("NetworkSettings").getJsonObject("Networks").values().iterator()
                .next().asJsonObject();
        assertTrue(driver.getPageSource().contains(network.getString("IPAddress")), "the container's IP is shown");
        assertTrue(page.variables().contains("DB_PASSWORD=********"), page.variables().toString());
        assertTrue(page.variables().contains("JAVA_OPTS=-Xmx512m"), page.variables().toString());
        String source = driver.getPageSource();
        for (String secret : List.of("DB_PASSWORD", "API_TOKEN", "UPSTREAM_SESSION", "DATABASE_URL")) {
            String value = Containers.env(truth, secret);
            String hidden = secret.equals("DATABASE_URL") ? value.replaceAll("^.*://app:([^@]+)@.*$", "$1") : value;
            assertFalse(source.contains(hidden), secret + " is in the page source");
        }
        assertFalse(page.has("actionBar"), "a viewer gets no action buttons");
        assertFalse(page.has("restartButton"));
        assertTrue(page.text("cpu").endsWith("%"), page.text("cpu"));
    }

    @Test
    void anOperatorRestartsFromThePageAndItReachesDockerAndTheAuditLog() {
        String key = Containers.find("running", i -> i.getJsonObject("HostConfig").getBoolean("Privileged"));
        String before = Api.simulatedDocker(key, "/json").getJsonObject("State").getString("StartedAt");
        SignInPage.open(driver, null).signInAs(Containers.OPERATOR, Containers.OPERATOR_KEY);
        ContainerPage page = ContainerPage.open(driver, key);
        assertTrue(page.postureChecks().contains("privileged"), page.postureChecks().toString());
        screenshot("container-details");

        assertEquals("DONE", page.act("restart"));

        assertNotEquals(before, Api.simulatedDocker(key, "/json").getJsonObject("State").getString("StartedAt"));
        JsonObject row = Api.object("/api/v1/audit?action=container.restart&user=operator&limit=100")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> key.equals(e.getString("target", null))).findFirst()
                .orElseThrow(() -> new AssertionError("the restart is not in the audit log"));
        assertEquals("SUCCESS", row.getString("result"));
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("container-details-phone");
        assertTrue(fitsTheWidth(driver), "no sideways scrolling on a phone");
    }

    @Test
    void anUnknownContainerSaysSo() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        ContainerPage page = ContainerPage.open(driver, "sim-1:1:" + "0".repeat(64));
        assertTrue(page.text("errorText").contains("No such container"), page.text("errorText"));
    }
}
