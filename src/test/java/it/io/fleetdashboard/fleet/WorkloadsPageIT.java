package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.WorkloadsPage;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Workloads page against the simulator's truth: filters, search, the bar chart, details, CSV, hostile names. */
class WorkloadsPageIT extends PageTest {

    private static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @BeforeAll
    void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    @BeforeEach
    void signIn() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The endpoint key ("sim-1:3") in the address bar's endpoint parameter. */
    private String endpointInAddress() {
        String query = URI.create(driver.getCurrentUrl()).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("endpoint=")) {
                return URLDecoder.decode(pair.substring("endpoint=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no endpoint in " + driver.getCurrentUrl());
    }

    private void noScriptRan() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script from a container's name or label ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        Object injected = ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('img[src=\"x\"], b').length;");
        assertEquals(0L, injected, "markup from a name or label became elements");
    }

    @Test
    void filteringByOneEndpointShowsExactlyItsContainersAndTheAddressKeepsIt() {
        JsonObject endpoint = SimulatedFleet.liveEndpoint(3, 90);
        String key = endpoint.getString("key");
        Set<String> truth = SimulatedFleet.containerNames(key);
        WorkloadsPage page = WorkloadsPage.open(driver, "");
        page.showRows(100);

        page.choose("endpoint", endpoint.getString("name") + " (" + endpoint.getString("environment") + ")");

        assertEquals(truth, new TreeSet<>(page.names()), "exactly the simulated endpoint's containers");
        assertEquals(truth.size(), page.shownCount(), page.shown());
        assertEquals(key, endpointInAddress(), "the address bar keeps the filter");
        assertTrue(page.endpointChip().contains(endpoint.getString("name")), page.endpointChip());

        driver.navigate().refresh(); // a bookmark or a shared link opens the same view
        PageTest.waitForAjax(driver);
        WorkloadsPage reloaded = new WorkloadsPage(driver);
        reloaded.showRows(100);
        assertEquals(truth, new TreeSet<>(reloaded.names()), "the reloaded address shows the same rows");
    }

    @Test
    void theSearchBoxFindsByNameAndLabelAndSaysWhatToDoWhenNothingMatches() {
        JsonObject endpoint = SimulatedFleet.liveEndpoint(3, 90);
        String name = SimulatedFleet.containerNames(endpoint.getString("key")).iterator().next();
        int expected = Api.object("/api/v1/containers?limit=1&search=" + enc(name)).getInt("total");
        WorkloadsPage page = WorkloadsPage.open(driver, "");

        page.search(name);

        assertEquals(expected, page.shownCount(), page.shown());
        assertTrue(page.names().contains(name), page.names().toString());
        assertTrue(driver.getCurrentUrl().contains("search=" + enc(name)), driver.getCurrentUrl());

        page.search("fleet.example/note=" + "x".repeat(300));
        assertEquals(List.of("very-long-name-" + "abcdefghij".repeat(18)), page.names(), "a label key=value");

        page.search("no-such-container-anywhere");
        assertTrue(page.isEmpty(), "the empty table says so");
        assertTrue(driver.findElement(By.id("workloadsEmpty")).getText().contains("clear the filters"));
    }

    @Test
    void clickingABarFiltersTheTableToThatEndpoint() {
        WorkloadsPage page = WorkloadsPage.open(driver, "");
        List<String> labels = page.barLabels();
        assertTrue(labels.size() > 1, "bars for the simulated endpoints: " + labels);

        page.clickBar(1);

        String key = endpointInAddress();
        Set<String> truth = SimulatedFleet.containerNames(key);
        page.showRows(100);
        assertEquals(truth, new TreeSet<>(page.names()), "the clicked bar's endpoint, as the simulator has it");
        String label = labels.get(1);
        String endpointName = label.substring(0, label.lastIndexOf(" ("));
        assertTrue(page.endpoints().stream().allMatch(endpointName::equals), page.endpoints().toString());
        assertTrue(page.endpointChip().contains(endpointName), page.endpointChip());
        assertEquals(labels, page.barLabels(), "the chart keeps every endpoint's bar, to pick another");
    }

    @Test
    void selectingARowOpensTheContainersDetails() {
        WorkloadsPage page = WorkloadsPage.open(driver, "?state=running");
        String name = page.names().get(0);

        page.selectRow(0);

        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/containers/"));
        PageTest.waitForAjax(driver);
        assertEquals(name, driver.findElement(By.id("detailsForm:containerName")).getText().trim());
    }

    @Test
    void hostileNamesAndLabelsAreShownAsTextOnEveryPage() {
        WorkloadsPage page = WorkloadsPage.open(driver, "?search=" + enc("<script>"));
        assertEquals(List.of(SCRIPT_NAME), page.names(), "the name is shown as it is");
        noScriptRan();

        WorkloadsPage labelled = WorkloadsPage.open(driver, "?search="
                + enc("fleet.example/note=<img src=x onerror=alert(2)>"));
        assertEquals(List.of(SCRIPT_NAME), labelled.names(), "found by its hostile label");
        noScriptRan();

        WorkloadsPage all = WorkloadsPage.open(driver, "?search=" + enc("ü"));
        assertTrue(all.names().contains("ünïcødé-コンテナ-🚀"), all.names().toString());

        String key = Api.object("/api/v1/containers?search=" + enc("<script>")).getJsonArray("items")
                .getJsonObject(0).getString("key");
        driver.get(BASE + "/containers/" + enc(key));
        PageTest.waitForAjax(driver);
        assertEquals(SCRIPT_NAME, driver.findElement(By.id("detailsForm:containerName")).getText().trim());
        noScriptRan();

        driver.get(BASE + "/index.xhtml");
        PageTest.waitForAjax(driver);
        noScriptRan();

        WorkloadsPage longName = WorkloadsPage.open(driver, "?search=very-long-name");
        driver.manage().window().setSize(new Dimension(390, 844));
        assertTrue(longName.fitsTheWidth(), "a very long name does not widen the page on a phone");
    }

    @Test
    void theCsvLinkExportsEveryFilteredRow() {
        JsonObject endpoint = SimulatedFleet.liveEndpoint(3, 90);
        String key = endpoint.getString("key");
        WorkloadsPage page = WorkloadsPage.open(driver, "?endpoint=" + enc(key) + "&includeStopped=false");
        page.showRows(25);
        int running = Api.object("/api/v1/containers?limit=1&includeStopped=false&endpoint=" + enc(key)).getInt("total");

        URI csv = URI.create(page.csvHref());
        assertTrue(csv.getPath().endsWith("/api/v1/containers.csv"), csv.toString());
        HttpResponse<String> answer = Api.get(csv.getRawPath().substring(csv.getRawPath().indexOf("/api/"))
                + "?" + csv.getRawQuery());

        assertEquals(200, answer.statusCode());
        List<String> lines = answer.body().lines().toList();
        assertEquals(running + 1, lines.size(), "a header and every running container of the endpoint");
        lines.stream().skip(1).forEach(line -> assertTrue(line.contains("," + endpoint.getString("name") + ","), line));
        lines.stream().skip(1).forEach(line -> assertTrue(line.contains(",running,"), line));
        assertEquals(running, page.shownCount(), "the page counts the same rows");
    }

    @Test
    void allPagesAreCountedAndSortingGoesToTheServer() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        WorkloadsPage page = WorkloadsPage.open(driver, "");
        assertEquals(summary.getInt("containersTotal"), page.shownCount(), page.shown());
        assertEquals(25, page.names().size(), "one page of 25 rows, not the fleet");

        page.sortBy("Created");

        String first = Api.object("/api/v1/containers?limit=1&sort=created").getJsonArray("items").getJsonObject(0)
                .getString("name");
        assertEquals(first, page.names().get(0), "the oldest container first, as the API sorts");
        assertTrue(page.csvHref().contains("sort=created"), page.csvHref());
    }

    @Test
    void homeCardsOpenTheFilteredWorkloads() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        driver.get(BASE + "/index.xhtml");
        PageTest.waitForAjax(driver);
        driver.findElement(By.cssSelector("[data-kpi='kpiContainersStopped']")).click();
        PageTest.waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/workloads.xhtml?state=stopped"), driver.getCurrentUrl());
        assertEquals(summary.getInt("containersStopped"), new WorkloadsPage(driver).shownCount());

        driver.get(BASE + "/index.xhtml");
        PageTest.waitForAjax(driver);
        driver.findElement(By.cssSelector("[data-kpi='kpiContainersUnhealthy']")).click();
        PageTest.waitForAjax(driver);
        assertEquals(summary.getInt("containersUnhealthy"), new WorkloadsPage(driver).shownCount());
    }

    @Test
    void slashFocusesTheSearchAndABadAddressSaysWhatItIgnored() {
        WorkloadsPage page = WorkloadsPage.open(driver, "?state=sleeping");
        assertTrue(page.growl().contains("state must be one of"), page.growl());
        assertEquals(Api.object("/api/v1/dashboard/summary").getInt("containersTotal"), page.shownCount());

        new Actions(driver).sendKeys(driver.findElement(By.tagName("body")), "/").perform();

        assertEquals("workloadsForm:search", ((JavascriptExecutor) driver)
                .executeScript("return document.activeElement.id;"));
        driver.switchTo().activeElement().sendKeys("abc");
        assertEquals("abc", driver.findElement(By.id("workloadsForm:search")).getAttribute("value"),
                "the slash itself is not typed into the box");
    }

    @Test
    void worksOnAPhoneAndLeavesAScreenshot() {
        WorkloadsPage page = WorkloadsPage.open(driver, "");
        assertFalse(page.barLabels().isEmpty());
        screenshot("workloads");
        driver.manage().window().setSize(new Dimension(390, 844));
        PageTest.waitForAjax(driver);
        assertTrue(page.fitsTheWidth(), "no sideways scrolling of the page on a phone");
        screenshot("workloads-phone");
    }

    @Test
    void theRestartsColumnShowsTheInspectedCountOfACrashLoopAndSaysWhereNoneIsKnown() {
        JsonObject truth = Api.object("/simulator/control/truth");
        JsonObject counts = truth.getJsonObject("containersRestartingRestartCounts");
        Api.await("the restart counts of every crash loop", Duration.ofSeconds(60), () -> Api.object(
                "/api/v1/dashboard/summary").getInt("containersCrashLoopingInspected") == counts.size());
        String key = counts.keySet().iterator().next();
        String name = Api.simulatedDocker(key, "/json").getString("Name").substring(1);
        WorkloadsPage page = WorkloadsPage.open(driver, "?state=restarting&search=" + enc(key.substring(
                key.lastIndexOf(':') + 1, key.lastIndexOf(':') + 13)));
        assertEquals(List.of(name), page.names());
        assertEquals(Integer.toString(counts.getInt(key)), page.restarts(0));
        assertTrue(page.restartsTitle(0).contains("as of"), page.restartsTitle(0));

        WorkloadsPage running = WorkloadsPage.open(driver, "?state=running");
        int notInspected = 0;
        for (int row = 0; row < running.names().size(); row++) {
            String title = running.restartsTitle(row);
            if (running.restarts(row).equals("–")) {
                assertTrue(title.startsWith("Not inspected"), title);
                notInspected++;
            } else {
                assertTrue(title.contains("as of"), title);
            }
        }
        assertTrue(notInspected > 0, "running containers are mostly never inspected, and the cell says so");
    }
}
