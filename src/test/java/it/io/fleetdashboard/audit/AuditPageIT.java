package it.io.fleetdashboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Audit page: admins only, the actions done through the API listed and filtered, the CSV of the filter. */
class AuditPageIT extends PageTest {

    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    String stopped;

    @BeforeAll
    void anAuditedActionAndAFailedOne() {
        Api.refresh();
        String key = Api.object("/api/v1/containers?state=running&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).map(r -> r.getString("key")).filter(k -> k.startsWith("sim-1:1:"))
                .findFirst().orElseThrow();
        String path = "/api/v1/containers/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        assertEquals(200, Api.postAs("operator", OPERATOR_KEY, path + "/stop", null).statusCode());
        assertEquals(200, Api.postAs("operator", OPERATOR_KEY, path + "/start", null).statusCode());
        assertEquals(404, Api.postAs("operator", OPERATOR_KEY, "/api/v1/containers/sim-1:1:" + "0".repeat(64)
                + "/kill", null).statusCode());
        stopped = key;
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("[id='auditForm:log_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    @Test
    void anAdminSeesWhoDidWhatAndFiltersIt() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.findElement(By.cssSelector("[data-nav='navAudit']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/audit.xhtml"), driver.getCurrentUrl());
        assertFalse(rows().isEmpty(), "the actions of this test are listed");
        String table = driver.findElement(By.id("auditForm:log")).getText();
        assertTrue(table.contains("container.stop") && table.contains("operator"), table);
        screenshot("audit");

        choose("auditForm:result", "failure");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> rows().stream()
                .allMatch(r -> r.getText().contains("failure")));
        assertTrue(driver.findElement(By.id("auditForm:log")).getText().contains("container.kill"));
        String csvHref = driver.findElement(By.id("auditForm:csv")).getAttribute("href");
        assertTrue(csvHref.contains("result=failure"), csvHref);

        HttpResponse<String> csv = Api.get(csvHref.substring(BASE.length()));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("audit_"));
        assertTrue(csv.body().startsWith("Time (UTC),User,Role,Action"), csv.body());
        assertTrue(csv.body().contains("container.kill"), csv.body());
        assertFalse(csv.body().contains(",SUCCESS,"), "only the filtered rows");
    }

    @Test
    void operatorsHaveNoAuditPage() {
        SignInPage.open(driver, null).signInAs("operator", OPERATOR_KEY);
        assertTrue(driver.findElements(By.cssSelector("[data-nav='navAudit']")).isEmpty());
        driver.get(BASE + "/audit.xhtml");
        waitForAjax(driver);
        assertFalse(driver.getPageSource().contains("auditForm"), "refused");
        HttpResponse<String> api = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE
                + "/api/v1/audit")).header("Authorization", it.io.fleetdashboard.AuthIT.basic("operator",
                OPERATOR_KEY)).GET());
        assertEquals(403, api.statusCode());
    }

    void choose(String id, String label) {
        it.io.fleetdashboard.pages.SelectMenu.choose(driver, id, label);
    }
}
