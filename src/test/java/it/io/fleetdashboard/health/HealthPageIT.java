package it.io.fleetdashboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.HealthPage;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The Container health page against the simulator's truth: alerts with restart counts, distribution, filters. */
class HealthPageIT extends PageTest {

    private static JsonObject truth;

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
        truth = Api.object("/simulator/control/truth");
        Api.await("the restart counts of every crash loop", Duration.ofSeconds(60), () -> Api.object(
                "/api/v1/dashboard/summary").getInt("containersCrashLoopingInspected")
                == truth.getJsonObject("containersRestartingRestartCounts").size());
    }

    private HealthPage signIn(String query) {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        return HealthPage.open(driver, query);
    }

    @Test
    void alertsShowCrashLoopsWithTheirRestartCountsAndOomKillsAsTheirOwnKind() {
        HealthPage page = signIn(null);
        JsonObject counts = truth.getJsonObject("containersRestartingRestartCounts");

        List<WebElement> loops = page.alerts("crash_loop");
        assertFalse(loops.isEmpty(), "the simulator has crash loops");
        WebElement worst = loops.get(0);
        String key = worst.getAttribute("data-subject");
        assertEquals(String.valueOf(counts.getInt(key)), worst.getAttribute("data-restart-count"), key);
        assertTrue(worst.getText().contains(counts.getInt(key) + " restarts"), worst.getText());
        int maxRestarts = counts.values().stream().mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).max()
                .orElseThrow();
        assertEquals(maxRestarts, counts.getInt(key), "the crash loop with the most restarts comes first");

        int unhealthy = truth.getInt("containersUnhealthy");
        assertTrue(unhealthy > 5, "the simulator has more unhealthy containers than the list shows: " + unhealthy);
        assertEquals(5, page.alerts("unhealthy").size());
        assertEquals("and " + (unhealthy - 5) + " more containers unhealthy", page.moreLine("unhealthy"));
        assertTrue(page.moreLink("unhealthy").endsWith("/health.xhtml?health=unhealthy"), "it opens them all");
        int oom = truth.getInt("containersOomKilled");
        assertEquals(Math.min(oom, 5), page.alerts("oom_killed").size());
        if (oom > 5) {
            assertEquals("and " + (oom - 5) + " more containers killed for running out of memory",
                    page.moreLine("oom_killed"));
        }
        // worst first: unhealthy before crash loops before exits before OOM kills, in the page's order
        List<String> kinds = page.alerts("unhealthy").isEmpty() ? List.of() : List.of("unhealthy");
        assertTrue(kinds.isEmpty() || page.alerts("unhealthy").get(0).getLocation().getY()
                < loops.get(0).getLocation().getY());
        assertTrue(loops.get(0).getLocation().getY() < page.alerts("oom_killed").get(0).getLocation().getY());

        assertEquals(truth.getInt("containersUnhealthy"), page.bucket("unhealthy"));
        assertEquals(truth.getInt("containersHealthy"), page.bucket("healthy"));
        assertTrue(page.chartRendered(), "the distribution chart is drawn");
        screenshot("health");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("health-phone");
        assertTrue((Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;") <= 1,
                "no horizontal scrolling of the page on a phone");
    }

    @Test
    void theHealthFilterShowsExactlyTheUnhealthyContainersAndTheUrlKeepsIt() {
        HealthPage page = signIn(null);

        page.filterHealth("unhealthy");

        Set<String> expected = Api.object("/api/v1/containers?health=unhealthy&limit=1000").getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).map(c -> c.getString("key")).collect(Collectors.toSet());
        assertEquals(truth.getInt("containersUnhealthy"), expected.size(), "the dashboard agrees with the truth");
        List<String> shown = page.rowKeys();
        assertEquals(Math.min(expected.size(), 25), shown.size());
        assertTrue(expected.containsAll(shown), shown + " vs " + expected);
        for (WebElement row : page.rows()) {
            assertEquals("unhealthy", page.cell(row, 3).trim());
        }
        Api.await("the address bar keeps the filter", Duration.ofSeconds(10),
                () -> driver.getCurrentUrl().endsWith("/health.xhtml?health=unhealthy"));
        String csv = page.csvHref();
        assertTrue(csv.endsWith("/api/v1/container-health/containers.csv?health=unhealthy"), csv);
        assertEquals(expected.size() + 1, Api.get(URI.create(csv).getPath() + "?health=unhealthy").body()
                .split("\r\n").length);

        HealthPage reloaded = HealthPage.open(driver, "?health=unhealthy&trouble=");
        assertEquals(shown, reloaded.rowKeys(), "a bookmarked URL shows the same rows");
    }

    @Test
    void theTroubleFilterListsTheOomKilledAndARowOpensItsDetails() {
        HealthPage page = signIn("?trouble=oom_killed");
        List<String> keys = page.rowKeys();
        assertEquals(Math.min(truth.getInt("containersOomKilled"), 25), keys.size());
        for (String key : keys) {
            assertTrue(Api.simulatedDocker(key, "/json").getJsonObject("State").getBoolean("OOMKilled"), key);
        }

        page.filterTrouble("crash_loop");
        assertEquals(Math.min(truth.getInt("containersRestarting"), 25), page.rows().size());

        String first = page.rowKeys().get(0);
        page.openFirstRow();
        Api.await("the details page of " + first, Duration.ofSeconds(20),
                () -> driver.getCurrentUrl().contains("/containers/" + first));
    }

    @Test
    void aBadFilterInTheUrlShowsEveryContainerInsteadOfAnError() {
        HealthPage page = signIn("?health=%3Cscript%3E&trouble=melting");
        assertFalse(page.rows().isEmpty());
        assertFalse(driver.getPageSource().contains("<script>"), "nothing of the parameter is echoed unescaped");
    }
}
