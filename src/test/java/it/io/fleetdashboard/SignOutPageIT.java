package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import org.junit.jupiter.api.Test;

class SignOutPageIT extends PageTest {

    @Test
    void signOutEndsTheSession() {
        ShellPage shell = SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        assertTrue(shell.isSignedIn());

        SignInPage signIn = shell.signOut();
        assertTrue(signIn.isShown(), driver.getCurrentUrl());
        assertTrue(signIn.message().contains("signed out"), signIn.message());

        driver.get(BASE + "/index.xhtml");
        waitForAjax(driver);
        assertTrue(new SignInPage(driver).isShown(), "the old session must not open pages: " + driver.getCurrentUrl());
    }
}
