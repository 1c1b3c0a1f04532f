package it.io.fleetdashboard.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Alerts page: an admin adds a webhook channel in the form, sends it a test (it reaches the simulator's sink and
 * shows as sent among the deliveries) and deletes it; a viewer sees the deliveries but no channels and cannot
 * acknowledge.
 */
class AlertsPageIT extends PageTest {

    private List<WebElement> rows(String table, String rowClass) {
        return driver.findElements(By.cssSelector("[id='alertsForm:" + table + "_data'] > tr." + rowClass));
    }

    private Optional<WebElement> channelRow(String name) {
        return rows("channels", "alerts-channel").stream()
                .filter(r -> r.findElement(By.cssSelector(".alerts-channel-name")).getText().equals(name)).findFirst();
    }

    private static Optional<JsonObject> channelNamed(String name) {
        return Api.json(Api.get("/api/v1/alerts/channels").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals(name)).findFirst();
    }

    @Test
    void anAdminAddsAWebhookChannelSendsATestAndDeletesIt() {
        String name = Alerts.unique("page-hook");
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.findElement(By.cssSelector("[data-nav='navAlerts']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/alerts.xhtml"), driver.getCurrentUrl());
        try {
            driver.findElement(By.id("alertsForm:channelName")).sendKeys(name);
            driver.findElement(By.id("alertsForm:channelUrl")).sendKeys(Alerts.webhookBase() + name);
            driver.findElement(By.id("alertsForm:addChannel")).click();
            waitForAjax(driver);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> channelRow(name).isPresent());
            JsonObject created = channelNamed(name).orElseThrow();
            assertEquals("webhook", created.getString("kind"));
            assertTrue(created.getBoolean("secretSet"));
            assertFalse(driver.getPageSource().contains("/hooks/" + name), "the URL is never shown again");

            channelRow(name).orElseThrow().findElement(By.cssSelector(".alerts-test")).click();
            waitForAjax(driver);
            Api.await("the test at the sink", Duration.ofSeconds(20),
                    () -> Alerts.webhooks("/hooks/" + name).size() == 1);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> rows("deliveries", "alerts-delivery")
                    .stream().anyMatch(r -> r.getText().contains(name) && r.getText().contains("test")
                            && r.findElement(By.cssSelector(".alerts-status")).getText().equals("sent")));
            screenshot("alerts");

            channelRow(name).orElseThrow().findElement(By.cssSelector(".alerts-delete")).click();
            waitForAjax(driver);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> channelRow(name).isEmpty());
            assertTrue(channelNamed(name).isEmpty(), "deleted");
        } finally {
            channelNamed(name).ifPresent(c -> Alerts.deleteChannel(c.getJsonNumber("id").longValue()));
        }
    }

    @Test
    void aViewerSeesTheDeliveriesButNeitherChannelsNorTheRightToAcknowledge() {
        SignInPage.open(driver, null).signInAs(Alerts.VIEWER, Alerts.VIEWER_KEY);
        driver.get(BASE + "/alerts.xhtml");
        waitForAjax(driver);
        assertEquals("Alerts", driver.findElement(By.id("pageTitle")).getText());
        assertFalse(driver.findElements(By.id("alertsForm:deliveries")).isEmpty(), "the delivery record");
        assertTrue(driver.findElements(By.id("alertsForm:channelsSection")).isEmpty(), "channels are for admins");
        assertTrue(driver.findElements(By.id("alertsForm:addWindow")).isEmpty(), "windows are for admins");
        assertFalse(driver.findElement(By.id("alertsForm:note")).isEnabled(), "operators acknowledge");
        for (WebElement ack : driver.findElements(By.cssSelector(".alerts-ack"))) {
            assertFalse(ack.isEnabled(), "operators acknowledge");
        }
    }
}
