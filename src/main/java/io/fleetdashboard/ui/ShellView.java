package io.fleetdashboard.ui;

import io.fleetdashboard.auth.boundary.SessionView;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.control.UserPreferences;
import io.fleetdashboard.environments.control.DemoMode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The shell's top bar and menu. The snapshot part (age, stale mark, refresh, auto-refresh) is the integration
 * point for the fleet snapshot: isSnapshotAvailable, getSnapshotAge, isSnapshotStale and refresh are the only
 * methods to fill in; until then the bar honestly says "No data yet".
 */
@Named
@RequestScoped
public class ShellView {

    public static final String PRODUCT_NAME = "Fleet Dashboard";

    /** Auto-refresh choices, label -> seconds (0 = off). */
    static final Map<String, Integer> AUTO_REFRESH = new java.util.LinkedHashMap<>();

    static {
        AUTO_REFRESH.put("Off", 0);
        AUTO_REFRESH.put("30 s", 30);
        AUTO_REFRESH.put("1 m", 60);
        AUTO_REFRESH.put("5 m", 300);
    }

    private static final List<NavigationItem> NAVIGATION = List.of(
            new NavigationItem("navHome", "Home", "pi pi-home", "/index.xhtml"),
            new NavigationItem("navWorkloads", "Workloads", "pi pi-box", null),
            new NavigationItem("navEdge", "Edge agents & stacks", "pi pi-sitemap", null),
            new NavigationItem("navHealth", "Container health", "pi pi-heart", null),
            new NavigationItem("navImages", "Images", "pi pi-images", null),
            new NavigationItem("navNetworks", "Networks", "pi pi-share-alt", null),
            new NavigationItem("navLogs", "Logs", "pi pi-align-left", null),
            new NavigationItem("navMetrics", "Metrics", "pi pi-chart-line", "/container-metrics.xhtml"),
            new NavigationItem("navAssistant", "AI assistant", "pi pi-comments", null),
            new NavigationItem("navSettings", "Settings", "pi pi-cog", null));

    @Inject
    DemoMode demoMode;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserPreferences preferences;

    @Inject
    SessionView session;

    public String getProductName() {
        return PRODUCT_NAME;
    }

    public boolean isDemo() {
        return demoMode.active();
    }

    public List<NavigationItem> getNavigation() {
        return NAVIGATION;
    }

    /** True once a fleet snapshot exists. */
    public boolean isSnapshotAvailable() {
        return false;
    }

    /** Human age of the current snapshot ("42 s ago"), or "No data yet". */
    public String getSnapshotAge() {
        return "No data yet";
    }

    /** True when the snapshot is older than the refresh period allows. */
    public boolean isSnapshotStale() {
        return false;
    }

    /** The refresh button: collect a new snapshot now. */
    public void refresh() {
        // Nothing to refresh before the fleet collector exists; the button is disabled until then.
    }

    /** The auto-refresh poll: like refresh, but not user activity, so it does not extend the session. */
    public void autoRefresh() {
        session.doesNotCountAsActivity();
        refresh();
    }

    public Map<String, Integer> getAutoRefreshOptions() {
        return AUTO_REFRESH;
    }

    public int getAutoRefreshSeconds() {
        return preferences.autoRefreshSeconds(currentUser.getName());
    }

    public void setAutoRefreshSeconds(int seconds) {
        preferences.autoRefreshSeconds(currentUser.getName(), AUTO_REFRESH.containsValue(seconds) ? seconds : 0);
    }

    public boolean isAutoRefreshOn() {
        return getAutoRefreshSeconds() > 0;
    }
}
