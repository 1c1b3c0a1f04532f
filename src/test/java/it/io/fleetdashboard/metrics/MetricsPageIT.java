package it.io.fleetdashboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.MetricsPage;
import it.io.fleetdashboard.pages.SignInPage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsPageIT extends PageTest {

    @BeforeAll
    void samples() {
        Api.refresh();
        assertEquals(200, Api.post("/api/v1/metrics/collect?wait=120", null).statusCode());
        Instant first = Instant.now();
        Api.await("a second after the first round", Duration.ofSeconds(10),
                () -> Instant.now().isAfter(first.plusMillis(1100)));
        assertEquals(200, Api.post("/api/v1/metrics/collect?wait=120", null).statusCode());
    }

    @Test
    void showsAContainersHistoryTopConsumersAndAnomalies() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        MetricsPage page = MetricsPage.openFromNavigation(driver);
        assertTrue(page.isShown(), driver.getCurrentUrl());
        assertTrue(page.hasChart(), "the chart of the busiest container");
        assertTrue(page.samples() > 0);
        assertEquals("raw", page.resolution());
        assertTrue(page.summary("Current").endsWith("%"), page.summary("Current"));
        assertTrue(page.rows("metricsForm:topCpu") > 0);
        assertTrue(page.rows("metricsForm:topMemory") > 0);
        assertTrue(page.rows("metricsForm:endpointTotals") > 0);
        assertTrue(page.seriesCsvHref().contains("format=csv"));
        screenshot("metrics-history");

        page.choose("metricsForm:metric", "Memory used");
        assertTrue(page.awaitSummary("Current", "B").endsWith("B"));
        assertTrue(page.samples() > 0);
        page.range("24h");
        assertTrue(page.awaitSeriesCsvHref("from=24h").contains("metric=memory"));
        assertTrue(page.hasChart());

        page.anomaliesTab();
        page.choose("anomaliesForm:severity", "Critical");
        assertTrue(page.awaitAnomaliesCsvHref("severity=CRITICAL").contains("format=csv"));
        screenshot("metrics-anomalies");
    }
}
