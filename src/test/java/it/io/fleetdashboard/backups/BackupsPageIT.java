package it.io.fleetdashboard.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.environments.AdminApi;
import it.io.fleetdashboard.pages.SelectMenu;
import it.io.fleetdashboard.pages.SignInPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Backups page as an admin: a password-protected backup of a simulated Portainer server is created in the form,
 * followed to done, downloaded with the browser's session (a real gzip holding a tar), and deleted; the restore
 * instructions are on the page; the page fits a phone.
 */
class BackupsPageIT extends PageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private void openPage() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/backups.xhtml");
        waitForAjax(driver);
        assertEquals("Backups", driver.findElement(By.id("pageTitle")).getText());
    }

    private static Set<Long> backupIds() {
        return BackupsIT.list().stream().map(b -> b.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    }

    /** The row of a complete backup, found by its download link. */
    private Optional<WebElement> row(long id) {
        return driver.findElements(By.cssSelector("[id='backupsForm:backups_data'] > tr.backup-row")).stream()
                .filter(r -> r.findElements(By.cssSelector("a.backup-download")).stream()
                        .anyMatch(a -> a.getAttribute("href").endsWith("/api/v1/backups/" + id)))
                .findFirst();
    }

    /**
     * What a backup's row shows, read afresh: the list polls and re-renders every two seconds, so an element held
     * longer goes stale; a read that meets a re-render is tried again (until the deadline).
     */
    private <T> T inRow(long id, Function<WebElement, T> read) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> row(id).map(read).orElse(null));
    }

    private void click(By button) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(button)).click();
        waitForAjax(driver);
    }

    @Test
    void anAdminCreatesAPasswordProtectedBackupDownloadsItAsAGzipAndDeletesIt() throws Exception {
        String password = "page-pass-" + UUID.randomUUID();
        Set<Long> before = backupIds();
        openPage();
        Long id = null;
        try {
            SelectMenu.chooseValue(driver, "backupsForm:environment", "sim-1");
            driver.findElement(By.id("backupsForm:password")).sendKeys(password);
            click(By.id("backupsForm:createButton"));
            Api.await("the new backup", WAIT, () -> backupIds().stream().anyMatch(b -> !before.contains(b)));
            id = backupIds().stream().filter(b -> !before.contains(b)).findFirst().orElseThrow();
            long created = id;

            // the list polls: the backup's row reaches done without a reload, with its download link
            assertEquals("done", inRow(created, r -> r.findElement(By.cssSelector(".backup-status")).getText()));
            String shown = inRow(created, WebElement::getText);
            assertTrue(shown.contains("password-protected"), shown);
            assertTrue(inRow(created, r -> r.findElement(By.cssSelector(".backup-file")).getText())
                    .endsWith(".tar.gz.encrypted"), shown);
            assertEquals("sim-1", inRow(created, r -> r.findElement(By.cssSelector(".backup-environment")).getText()));
            assertFalse(driver.getPageSource().contains(password), "the password is never shown");
            screenshot("backups");

            String href = inRow(created, r -> r.findElement(By.cssSelector("a.backup-download")).getAttribute("href"));
            Cookie session = driver.manage().getCookieNamed("JSESSIONID");
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                            .header("Cookie", "JSESSIONID=" + session.getValue()).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode(), "the link works with the browser's session");
            byte[] archive = download.body();
            assertTrue(archive.length > 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b,
                    "gzip magic");
            Map<String, String> files = BackupsIT.untar(archive);
            assertTrue(files.containsKey("portainer.db") && files.containsKey("MANIFEST.txt"), files.keySet()
                    .toString());
            assertTrue(files.get("MANIFEST.txt").contains("password: sha256:" + BackupsIT.sha256(password)),
                    "the password reached Portainer: " + files.get("MANIFEST.txt"));

            String deleteId = inRow(created, r -> r.findElement(By.cssSelector(".backup-delete")).getAttribute("id"));
            click(By.id(deleteId));
            click(By.id("confirmYes"));
            new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> row(created).isEmpty());
            assertEquals(404, AdminApi.download("/api/v1/backups/" + created).statusCode(), "deleted");

            String audit = Api.get("/api/v1/audit?action=backup.*&limit=200").body();
            assertTrue(audit.contains("backup.create") && audit.contains("backup.delete")
                    && audit.contains("backup " + created), audit);
            assertFalse(audit.contains(password), "the password is never audited");
        } finally {
            if (id != null) {
                AdminApi.delete("/api/v1/backups/" + id);
            }
        }
    }

    @Test
    void theRestoreStepsAreOnThePageAndItFitsAPhone() {
        openPage();
        WebElement restore = driver.findElement(By.id("backupsForm:restore"));
        assertTrue(restore.isDisplayed());
        assertTrue(restore.getText().contains("Restore Portainer from backup"), restore.getText());
        assertTrue(restore.getText().contains("password"), restore.getText());
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        waitForAjax(driver);
        assertTrue(fitsTheWidth(driver), "the page does not scroll sideways");
        screenshot("backups-phone");
    }
}
