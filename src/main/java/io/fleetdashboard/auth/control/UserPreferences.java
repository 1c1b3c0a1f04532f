package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user choices that follow the user across browsers (theme, auto-refresh). Kept in memory for now; the
 * preferences table arrives with the database migrations, and only this class has to change then.
 */
@ApplicationScoped
public class UserPreferences {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private final Map<String, String> themes = new ConcurrentHashMap<>();
    private final Map<String, Integer> autoRefreshSeconds = new ConcurrentHashMap<>();

    public String theme(String username) {
        return username == null ? LIGHT : themes.getOrDefault(username, LIGHT);
    }

    public void theme(String username, String theme) {
        if (username != null) {
            themes.put(username, DARK.equals(theme) ? DARK : LIGHT);
        }
    }

    public int autoRefreshSeconds(String username) {
        return username == null ? 0 : autoRefreshSeconds.getOrDefault(username, 0);
    }

    public void autoRefreshSeconds(String username, int seconds) {
        if (username != null) {
            autoRefreshSeconds.put(username, seconds);
        }
    }
}
