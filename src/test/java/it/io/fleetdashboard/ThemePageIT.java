package it.io.fleetdashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.pages.ShellPage;
import it.io.fleetdashboard.pages.SignInPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

class ThemePageIT extends PageTest {

    @Test
    void darkThemeIsRememberedAcrossSignIns() {
        ShellPage shell = SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        if (shell.isDark()) {
            shell.toggleTheme();
        }
        assertFalse(shell.isDark());
        assertEquals("primefaces-saga-blue", shell.themeLibrary(), "the light theme is PrimeFaces' saga");

        shell.toggleTheme();
        assertTrue(shell.isDark());
        assertEquals("primefaces-arya-blue", shell.themeLibrary(), "the dark theme is PrimeFaces' arya");
        screenshot("home-dark");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("home-dark-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        shell.signOut().signInAs(USERNAME, KEY);
        assertTrue(shell.isDark(), "the theme follows the user");

        shell.toggleTheme();
        assertFalse(shell.isDark());
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("home-light-phone");
    }
}
