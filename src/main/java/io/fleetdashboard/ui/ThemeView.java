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
 * Light or dark, remembered per user: PrimeFaces' own saga (light) and arya (dark) themes, from primefaces-themes;
 * web.xml's primefaces.THEME asks {@link #getTheme()}. Our stylesheets use only the theme's CSS variables, and the
 * body class tells scripts (chart colours) which one is on.
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

    public static final String LIGHT_THEME = "saga-blue";
    public static final String DARK_THEME = "arya-blue";

    /** The PrimeFaces theme of this request (web.xml primefaces.THEME). */
    public String getTheme() {
        return isDark() ? DARK_THEME : LIGHT_THEME;
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
