package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInPageIT extends PageTest {

    @Test
    void wrongThenRightCredentialsWithoutSayingWhichWasWrong() {
        SignInPage signIn = SignInPage.open(driver, null);
        screenshot("signin");
        signIn.signIn(USERNAME, "not-the-key", false);
        assertTrue(signIn.isShown());
        String message = signIn.message().toLowerCase(Locale.ROOT);
        assertTrue(message.contains("user name or key"), message);
        assertFalse(message.contains("wrong key") || message.contains("unknown user") || message.contains("password is"), message);

        ShellPage shell = signIn.signInAs(USERNAME, KEY);
        assertTrue(shell.isSignedIn(), driver.getCurrentUrl());
        assertEquals(USERNAME, shell.userName());
        assertTrue(shell.snapshotAge().matches("Updated \\d+ (s|min) ago.*|First collection running"),
                shell.snapshotAge());
        assertTrue(shell.sessionCountdown().endsWith("min"), shell.sessionCountdown());
        screenshot("home-light");
    }

    @Test
    void protectedPageSendsToSignInAndBack() {
        driver.get(BASE + "/index.xhtml?tab=2");
        waitForAjax(driver);
        SignInPage signIn = new SignInPage(driver);
        assertTrue(signIn.isShown(), driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("next=%2Findex.xhtml%3Ftab%3D2"), driver.getCurrentUrl());

        ShellPage shell = signIn.signInAs(USERNAME, KEY);
        assertTrue(shell.isSignedIn());
        assertEquals("/index.xhtml?tab=2", shell.path());
    }

    @Test
    void redirectToAnotherSiteLandsOnOurRoot() {
        SignInPage signIn = SignInPage.open(driver, "//evil.example");
        ShellPage shell = signIn.signInAs(USERNAME, KEY);
        assertTrue(shell.isSignedIn(), driver.getCurrentUrl());
        assertEquals("/", shell.path());
    }
}
