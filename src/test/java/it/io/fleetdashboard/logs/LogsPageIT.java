package it.io.fleetdashboard.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.LogsPage;
import it.io.fleetdashboard.pages.SignInPage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Logs page in a browser: arriving from a container, the lines the API gives, search, download, several. */
class LogsPageIT extends PageTest {

    @BeforeAll
    void fleet() {
        Api.refresh();
    }

    @Test
    void fromContainerDetailsToItsLogsSearchedAndDownloadable() {
        String key = ContainerLogsIT.find("running", i -> !ContainerLogsIT.tty(i)
                && ContainerLogsIT.logDriver(i).equals("json-file"), 1).get(0);
        String name = ContainerLogsIT.name(key);
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        LogsPage page = LogsPage.fromContainerDetails(driver, key);
        assertTrue(page.isShown(), driver.getCurrentUrl());
        List<String> lines = page.awaitLines();
        assertEquals("", page.error());
        assertEquals(500, lines.size(), "the default tail: " + page.status());
        assertEquals("Showing 500 lines", page.status());
        assertEquals(name, page.logsOf());
        assertTrue(lines.stream().allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+Z .*")), lines.get(0));
        assertTrue(page.linesWith("log-stderr") > 0, "stderr lines marked");
        assertTrue(page.linesWith("log-error") > 0, "error lines coloured");
        assertTrue(page.downloadHref().contains("/api/v1/containers/") && page.downloadHref().contains("download=true"),
                page.downloadHref());
        screenshot("logs-container");

        page.search("error");
        long expected = lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).count();
        assertTrue(expected > 0);
        assertEquals(expected + " matching lines", page.matches());
        assertTrue(page.highlights() >= expected);
        assertEquals(500, page.visibleLines().size(), "all lines shown until only matching is ticked");
        page.onlyMatching();
        List<String> visible = page.visibleLines();
        assertEquals(expected, visible.size());
        assertTrue(visible.stream().allMatch(l -> l.toLowerCase(Locale.ROOT).contains("error")));
        screenshot("logs-search");
    }

    @Test
    void severalContainersOfAnEndpointInterleavedAndTagged() {
        String key = ContainerLogsIT.find("running", i -> ContainerLogsIT.logDriver(i).equals("json-file"), 1).get(0);
        String first = ContainerLogsIT.name(key);
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        LogsPage page = LogsPage.fromContainerDetails(driver, key);
        page.awaitLines();
        String endpoint = key.substring(0, key.lastIndexOf(':'));
        String secondName = Api.object("/api/v1/containers?limit=1000&state=running").getJsonArray("items").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(c -> c.getString("endpointKey").equals(endpoint) && !c.getString("key").equals(key))
                .map(c -> c.getString("name")).findFirst()
                .orElseThrow(() -> new AssertionError("a second running container on the endpoint"));
        page.addContainer(secondName).fetch();
        assertEquals("", page.problem());
        List<String> lines = page.awaitLines();
        assertEquals("2 containers", page.logsOf());
        assertTrue(lines.stream().anyMatch(l -> l.contains("[" + first + "] ")), "tagged with " + first);
        assertTrue(lines.stream().allMatch(l -> l.contains("[" + first + "] ") || l.contains("[" + secondName + "] ")),
                lines.get(0));
        assertTrue(page.downloadHref().contains("/api/v1/logs?containers="), page.downloadHref());
        screenshot("logs-several");
    }

    @Test
    void followLiveShowsNewLinesPausesAndEndsWithTheSession() {
        String key = LogFollowIT.chatty();
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        LogsPage page = LogsPage.fromContainerDetails(driver, key);
        int before = page.awaitLines().size();
        page.followButton();
        int after = page.awaitMoreLinesThan(before);
        assertTrue(page.status().startsWith("Following"), page.status());
        List<String> lines = page.lines();
        String newest = lines.get(lines.size() - 1);
        assertTrue(ContainerLogsIT.truth(key, "stdout=1&stderr=1&tail=20", false, true).contains(newest),
                "the followed line is Docker's: " + newest);
        assertEquals(lines.size(), lines.stream().distinct().count(), "no line twice");
        assertEquals(1, LogFollowIT.open(USERNAME, KEY), "one follow open");
        page.pauseButton();
        assertTrue(page.status().startsWith("Paused"), page.status());
        assertTrue(after >= before + 1);
        screenshot("logs-follow");

        new it.io.fleetdashboard.pages.ShellPage(driver).signOut();
        Api.await("the follow released when the session ended", java.time.Duration.ofSeconds(20),
                () -> LogFollowIT.open(USERNAME, KEY) == 0);
    }

    @Test
    void viewersHaveNoLogsPage() {
        SignInPage.open(driver, null).signInAs("viewer", System.getProperty("it.viewer.key", "it-viewer-key"));
        assertTrue(driver.findElements(By.cssSelector("[data-nav='navLogs']")).isEmpty(), "no menu entry");
        assertFalse(driver.findElements(By.cssSelector("[data-nav='navMetrics']")).isEmpty(), "signed in, with a menu");
        driver.get(BASE + "/logs.xhtml");
        assertFalse(driver.getPageSource().contains("logsForm"), "the page is refused");
    }
}
