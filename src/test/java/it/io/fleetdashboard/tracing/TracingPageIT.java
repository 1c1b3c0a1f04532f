package it.io.fleetdashboard.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Request tracing page: the routes with their figures as the API has them, filters in the URL, admins only. */
class TracingPageIT extends PageTest {

    private List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    @Test
    void anAdminSeesEachRoutesLatencyAndFiltersByRoute() {
        for (int i = 0; i < 3; i++) {
            Api.get("/api/v1/stacks?limit=1");
        }
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.findElement(By.cssSelector("[data-nav='navTracing']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/tracing.xhtml"), driver.getCurrentUrl());
        List<Double> p95 = texts("[id='routesForm:routes'] .route-p95").stream()
                .map(t -> Double.valueOf(t.replace(" ms", "").replace(",", ""))).toList();
        assertFalse(p95.isEmpty(), "routes are listed");
        assertEquals(p95.stream().sorted(java.util.Comparator.reverseOrder()).toList(), p95, "slowest first");
        assertTrue(Long.parseLong(driver.findElement(By.id("kpiRequests")).getText()) >= 3);
        screenshot("tracing");

        driver.get(BASE + "/tracing.xhtml?search=/api/v1/stacks&method=GET");
        waitForAjax(driver);
        // the search is a substring: other tests on this server may have asked /api/v1/stacks.csv as well
        List<String> names = texts("[id='routesForm:routes'] .route-name");
        assertTrue(names.contains("/api/v1/stacks") && names.stream().allMatch(n -> n.contains("/api/v1/stacks")),
                names.toString());
        String requests = texts("[id='routesForm:routes'] .route-requests").get(names.indexOf("/api/v1/stacks"));
        long api = Api.object("/api/v1/tracing/routes?search=/api/v1/stacks&method=GET").getJsonArray("routes")
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(r -> r.getString("route").equals("/api/v1/stacks")).findFirst().orElseThrow()
                .getJsonNumber("requests").longValue();
        assertEquals(api, Long.parseLong(requests), "the page and its API twin count the same");
        assertTrue(driver.findElement(By.id("routesCsv")).getAttribute("href").contains("search=%2Fapi%2Fv1%2Fstacks"));
        assertTrue(texts("#recentCard .recent-path").stream().allMatch(p -> p.contains("/api/v1/stacks")),
                texts("#recentCard .recent-path").toString());
    }

    @Test
    void aWindowItDoesNotKnowIsSaidAndTheLastHourShown() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/tracing.xhtml?hours=7");
        waitForAjax(driver);
        assertTrue(driver.getPageSource().contains("Unknown window"), "the ignored filter is said");
        assertEquals("1", driver.findElement(By.id("hours")).getAttribute("value"));
    }

    @Test
    void anOperatorMayNotOpenIt() {
        SignInPage.open(driver, null).signInAs("operator", System.getProperty("it.operator.key", "it-operator-key"));
        assertTrue(driver.findElements(By.cssSelector("[data-nav='navTracing']")).isEmpty(), "not in the menu");
        driver.get(BASE + "/tracing.xhtml");
        waitForAjax(driver);
        assertFalse(driver.getPageSource().contains("routesForm"), "refused");
    }
}
