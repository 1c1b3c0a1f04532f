package io.fleetdashboard.ui;

import io.fleetdashboard.auth.boundary.SessionView;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.control.UserPreferences;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.fleet.control.Degradation;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.Snapshots;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The shell's top bar and menu, including the snapshot's age, its stale mark and the refresh controls. */
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
            new NavigationItem("navWorkloads", "Workloads", "pi pi-box", "/workloads.xhtml"),
            new NavigationItem("navEdge", "Edge agents & stacks", "pi pi-sitemap", "/edge.xhtml"),
            new NavigationItem("navHealth", "Container health", "pi pi-heart", "/health.xhtml"),
            new NavigationItem("navImages", "Images", "pi pi-images", "/images.xhtml"),
            new NavigationItem("navNetworks", "Networks", "pi pi-share-alt", "/networks.xhtml"),
            new NavigationItem("navLogs", "Logs", "pi pi-align-left", "/logs.xhtml"),
            new NavigationItem("navLogSearch", "Log search", "pi pi-search", "/log-search.xhtml"),
            new NavigationItem("navMetrics", "Metrics", "pi pi-chart-line", "/container-metrics.xhtml"),
            new NavigationItem("navInsights", "Insights", "pi pi-bolt", "/insights.xhtml"),
            new NavigationItem("navRemediation", "Remediation", "pi pi-wrench", "/remediation.xhtml"),
            new NavigationItem("navAlerts", "Alerts", "pi pi-bell", "/alerts.xhtml"),
            new NavigationItem("navAssistant", "AI assistant", "pi pi-comments", "/assistant.xhtml"),
            new NavigationItem("navSettings", "Settings", "pi pi-cog", null));

    /** Shown to admins only, after the others. */
    private static final List<NavigationItem> ADMIN_NAVIGATION = List.of(
            new NavigationItem("navAudit", "Audit", "pi pi-history", "/audit.xhtml"),
            new NavigationItem("navEnvironments", "Environments", "pi pi-server", "/environments.xhtml"),
            new NavigationItem("navBackups", "Backups", "pi pi-database", "/backups.xhtml"),
            new NavigationItem("navSessions", "Sessions", "pi pi-users", "/sessions.xhtml"),
            new NavigationItem("navTracing", "Request tracing", "pi pi-stopwatch", "/tracing.xhtml"),
            new NavigationItem("navIntegrations", "Integrations", "pi pi-link", "/mcp.xhtml"));

    @Inject
    Environments environments;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserPreferences preferences;

    @Inject
    SessionView session;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetCollector collector;

    /** How long the refresh button waits for the refresh before answering "still running". */
    private static final int REFRESH_WAIT_SECONDS = 60;

    public String getProductName() {
        return PRODUCT_NAME;
    }

    @Inject
    io.fleetdashboard.auth.control.AccessPolicy accessPolicy;

    public boolean isDemo() {
        return environments.simulatedData();
    }

    /** The pages this user may open (by AccessPolicy), and those still to be built. */
    public List<NavigationItem> getNavigation() {
        List<NavigationItem> all = new java.util.ArrayList<>(NAVIGATION);
        if (currentUser.has(Role.ADMIN)) {
            all.addAll(ADMIN_NAVIGATION);
        }
        all.removeIf(item -> item.getOutcome() != null
                && !accessPolicy.ruleFor(item.getOutcome()).need("GET").allows(currentUser.getRole()));
        return all;
    }

    private java.util.Optional<io.fleetdashboard.fleet.entity.FleetSnapshot> snapshot;

    /** One cache read per page render, however many top-bar parts ask. */
    private java.util.Optional<io.fleetdashboard.fleet.entity.FleetSnapshot> snapshot() {
        if (snapshot == null) {
            snapshot = snapshots.ifPresent();
        }
        return snapshot;
    }

    /** True once a fleet snapshot exists. */
    public boolean isSnapshotAvailable() {
        return snapshot().isPresent();
    }

    /**
     * Human age of the current snapshot's data and what is not current in it ("Updated 5 min ago · Portainer
     * 'prod' unreachable"), or "No data yet". The age counts from the oldest environment's last successful read.
     */
    public String getSnapshotAge() {
        return snapshot()
                .map(s -> {
                    var status = snapshots.status(s);
                    StringBuilder text = new StringBuilder(status.dataAsOf() == null ? "Never read"
                            : "Updated " + Ages.ago(status.dataAsOf(), java.time.Instant.now()));
                    if (status.restored()) {
                        text.append(" · from before the restart");
                    }
                    Degradation.notes(s).forEach(note -> text.append(" · ").append(note));
                    if (status.refreshing()) {
                        text.append(" · refreshing");
                    }
                    return text.toString();
                })
                .orElse(collector.refreshing() ? "First collection running" : "No data yet");
    }

    /** True when the data is older than PORTAINER_CACHE_TTL_SECONDS, partly kept from before, or restored. */
    public boolean isSnapshotStale() {
        return snapshot().map(s -> snapshots.status(s).stale()).orElse(false);
    }

    /** True when the refresh button may be used: an operator action, like its API twin POST /api/v1/refresh. */
    public boolean isRefreshAllowed() {
        return currentUser.has(Role.OPERATOR);
    }

    /** The refresh button: collect a new snapshot now (or join the refresh running) and wait for it (operators). */
    public void refresh() {
        currentUser.require(Role.OPERATOR);
        this.snapshot = null; // read again when the page renders: it must show the new snapshot's age
        try {
            var snapshot = collector.refresh().get(REFRESH_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            var notes = Degradation.notes(snapshot);
            if (notes.isEmpty()) {
                growl(FacesMessage.SEVERITY_INFO, "Refreshed", "The fleet was collected in " + Ages.duration(snapshot.durationMillis()) + ".");
            } else {
                growl(FacesMessage.SEVERITY_WARN, "Refreshed with gaps", String.join("; ", notes)
                        + ". The last known data is shown for those parts.");
            }
        } catch (java.util.concurrent.TimeoutException e) {
            growl(FacesMessage.SEVERITY_INFO, "Still refreshing", "The page updates when the refresh ends.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            growl(FacesMessage.SEVERITY_ERROR, "Refresh failed", "The fleet could not be collected; the previous data stays.");
        }
    }

    private static void growl(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    /**
     * The auto-refresh poll: re-renders from the cache at once (never waits on Portainer), and starts a background
     * refresh when the snapshot is older than the chosen period, for operators (a viewer's page shows what the
     * scheduled refresh collected). Not user activity: it does not extend the session.
     */
    public void autoRefresh() {
        session.doesNotCountAsActivity();
        int period = getAutoRefreshSeconds();
        boolean due = snapshots.ifPresent()
                .map(s -> s.takenAt().isBefore(java.time.Instant.now().minusSeconds(period)))
                .orElse(true);
        if (period > 0 && due && isRefreshAllowed()) {
            collector.refresh();
        }
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
