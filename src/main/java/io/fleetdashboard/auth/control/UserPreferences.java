package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.UserPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Per-user choices that follow the user across browsers and restarts (theme, auto-refresh), in the
 * user_preference table. Every page render reads the theme, so reads come from a write-through cache.
 */
@ApplicationScoped
public class UserPreferences {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    private final Map<String, Choice> cache = new ConcurrentHashMap<>();

    private record Choice(String theme, int autoRefreshSeconds) {
    }

    public String theme(String username) {
        return username == null ? LIGHT : choice(username).theme();
    }

    @Transactional
    public void theme(String username, String theme) {
        if (username != null) {
            update(username, p -> p.setTheme(DARK.equals(theme) ? DARK : LIGHT));
        }
    }

    public int autoRefreshSeconds(String username) {
        return username == null ? 0 : choice(username).autoRefreshSeconds();
    }

    @Transactional
    public void autoRefreshSeconds(String username, int seconds) {
        if (username != null) {
            update(username, p -> p.setAutoRefreshSeconds(Math.max(0, seconds)));
        }
    }

    private Choice choice(String username) {
        return cache.computeIfAbsent(username, name -> {
            UserPreference stored = em.find(UserPreference.class, name);
            return stored == null ? new Choice(LIGHT, 0) : new Choice(stored.getTheme(), stored.getAutoRefreshSeconds());
        });
    }

    private void update(String username, Consumer<UserPreference> change) {
        UserPreference preference = em.find(UserPreference.class, username);
        if (preference == null) {
            preference = new UserPreference(username);
            em.persist(preference);
        }
        change.accept(preference);
        preference.touch(System.currentTimeMillis());
        cache.put(username, new Choice(preference.getTheme(), preference.getAutoRefreshSeconds()));
    }
}
