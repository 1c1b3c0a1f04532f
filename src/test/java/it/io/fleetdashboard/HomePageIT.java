package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.pages.HomePage;
import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

class HomePageIT extends PageTest {

    @BeforeAll
    static void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    private HomePage signIn() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        return new HomePage(driver);
    }

    @Test
    void homeShowsTheSimulatorsTruth() {
        HomePage home = signIn();
        JsonObject truth = Api.object("/simulator/control/truth");
        Map<String, String> cards = Map.of("kpiEnvironments", "environments",
                "kpiEndpointsOnline", "endpointsOnline", "kpiEndpointsOffline", "endpointsOffline",
                "kpiContainersRunning", "containersRunning", "kpiContainersStopped", "containersStopped",
                "kpiContainersUnhealthy", "containersUnhealthy", "kpiContainersRestarting", "containersRestarting",
                "kpiStacks", "stacksPortainer", "kpiImages", "imagesDistinct");
        cards.forEach((card, field) -> assertEquals(truth.getInt(field), home.kpi(card), card));
        assertEquals(truth.getInt("environments"), home.environmentRows());
        assertTrue(home.attentionItems() > 0, "the simulator has offline endpoints and unhealthy containers");
        assertTrue(home.chartsRendered(), "both charts are drawn");
        screenshot("home");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("home-phone");
    }

    @Test
    void theRefreshButtonRefreshesAndTheAgeResets() {
        HomePage home = signIn();
        Instant before = Instant.parse(Api.object("/api/v1/dashboard/summary").getString("takenAt"));

        home.refresh();

        Instant after = Instant.parse(Api.object("/api/v1/dashboard/summary").getString("takenAt"));
        assertTrue(after.isAfter(before), "a new snapshot was collected");
        assertTrue(home.growl().contains("Refreshed"), home.growl());
        String age = new ShellPage(driver).snapshotAge();
        assertTrue(age.matches("Updated \\d+ s ago.*"), "the age starts again from seconds: " + age);
    }

    @Test
    void theSummaryCsvHoldsTheSameNumbers() {
        HomePage home = signIn();
        assertTrue(home.csvHref().endsWith("/api/v1/dashboard/summary.csv"), home.csvHref());
        HttpResponse<String> csv = Api.get("/api/v1/dashboard/summary.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("dashboard_summary_"));
        int running = Api.object("/api/v1/dashboard/summary").getInt("containersRunning");
        assertTrue(csv.body().contains("Containers running," + running + "\r\n"), csv.body());
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        assertTrue(csv.body().contains("Images (distinct ids)," + summary.getInt("imagesDistinct") + "\r\n"),
                csv.body());
        assertTrue(csv.body().contains("Stacks managed by Portainer," + summary.getInt("stacksPortainer") + "\r\n"),
                csv.body());
    }

    @Test
    void homeIsProtected() {
        driver.get(BASE + "/index.xhtml");
        Api.await("the sign-in page", Duration.ofSeconds(20), () -> new SignInPage(driver).isShown());
    }
}
