package io.fleetdashboard.ui;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.control.UserPreferences;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Light or dark, remembered per user. PrimeFaces 15's jar ships only saga(-blue) and primefaces-themes is not on
 * Maven Central, so dark is our own stylesheet layered on saga (resources/css/dark.css), switched by a body class.
 */
@Named
@RequestScoped
public class ThemeView {

    @Inject
    CurrentUser currentUser;

    @Inject
    UserPreferences preferences;

    @Inject
    FacesContext faces;

    public boolean isDark() {
        return UserPreferences.DARK.equals(preferences.theme(currentUser.getName()));
    }

    public String getBodyClass() {
        return isDark() ? "theme-dark" : "theme-light";
    }

    /** Switches and reloads the page, so every stylesheet matches. */
    public void toggle() throws IOException {
        preferences.theme(currentUser.getName(), isDark() ? UserPreferences.LIGHT : UserPreferences.DARK);
        ExternalContext external = faces.getExternalContext();
        String viewId = faces.getViewRoot().getViewId();
        external.redirect(external.getRequestContextPath() + ("/index.xhtml".equals(viewId) ? "/" : viewId));
        faces.responseComplete();
    }
}
