package it.io.fleetdashboard.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SelectMenu;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Integrations page: an admin creates an MCP client (token shown once), it works on /mcp, then revokes it. */
class McpPageIT extends PageTest {

    @Test
    void createUseAndRevokeAClient() {
        String name = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/mcp.xhtml");
        waitForAjax(driver);
        assertEquals("Integrations", driver.findElement(By.id("pageTitle")).getText());
        assertTrue(driver.findElement(By.id("mcpEndpoint")).getText().endsWith("/mcp"));

        driver.findElement(By.id("mcpForm:clientName")).sendKeys(name);
        SelectMenu.choose(driver, "mcpForm:clientRole", "Operator (also recent logs)");
        driver.findElement(By.id("mcpForm:createButton")).click();
        WebElement tokenField = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("mcpForm:newToken")).stream().findFirst().orElse(null));
        String token = tokenField.getAttribute("value");
        assertTrue(token.startsWith("fdmcp_"), token);
        assertTrue(driver.findElement(By.id("mcpForm:newConfiguration")).getAttribute("value")
                .contains("Bearer " + token));
        WebElement row = driver.findElement(By.xpath("//tr[contains(@class,'mcp-client-row')][contains(., '" + name + "')]"));
        assertTrue(row.getText().contains("operator") && row.getText().contains("active"), row.getText());
        screenshot("mcp-created");

        assertEquals(200, McpIT.post(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + McpIT.PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":"
                + "{\"name\":\"McpPageIT\",\"version\":\"1\"}}}", null).statusCode());

        // Reloaded, the page never shows the token again.
        driver.get(BASE + "/mcp.xhtml");
        waitForAjax(driver);
        assertTrue(driver.findElements(By.id("mcpForm:newToken")).isEmpty());
        assertFalse(driver.getPageSource().contains(token));

        driver.findElement(By.xpath("//tr[contains(@class,'mcp-client-row')][contains(., '" + name + "')]//button"))
                .click();
        // the answer re-renders the form: a reference read before it is stale, read it again
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("mcpForm:mcpMessages")).getText().contains("is revoked"));
        String revoked = new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.xpath(
                        "//tr[contains(@class,'mcp-client-row')][contains(., '" + name + "')]")).getText());
        assertTrue(revoked.contains("revoked"), revoked);
        assertEquals(401, McpIT.post(token, "{}", null).statusCode());

        for (String action : new String[] {"mcp.client-create", "mcp.client-revoke"}) {
            JsonObject audit = Api.object("/api/v1/audit?action=" + action + "&limit=20");
            assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> name.equals(e.getString("targetName", ""))
                            && "SUCCESS".equalsIgnoreCase(e.getString("result", ""))), action + ": " + audit);
        }
    }
}
