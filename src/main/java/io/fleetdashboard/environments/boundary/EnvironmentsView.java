package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.environments.control.EnvironmentAdmin;
import io.fleetdashboard.environments.control.EnvironmentStore;
import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentInput;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.portainer.entity.ConnectionProbe;
import io.fleetdashboard.ui.Ages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Environments page (environments.xhtml, admins): every Portainer server with its source, state and what the
 * last refresh found; a form to add or change one (the key write-only), test it before saving, enable, disable and
 * remove, as the API twin /api/v1/environments does (same control, same audit).
 */
@Named
@ViewScoped
public class EnvironmentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EnvironmentAdmin admin;

    @Inject
    EnvironmentStore store;

    @Inject
    Snapshots snapshots;

    @Inject
    CurrentUser user;

    /** The form: null editing means closed; "" a new environment; else the name being changed. */
    private String editing;
    private String name;
    private String displayName;
    private String apiUrl;
    private String apiKey;
    private boolean verifySsl = true;
    private String caBundle;
    private Integer timeoutSeconds = 60;
    private Integer connectTimeoutSeconds = 0;
    private Integer maxConcurrency = 0;
    private ConnectionProbe probe;
    private String probeOf;

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
    }

    public List<EnvironmentSummary> getEnvironments() {
        return admin.list();
    }

    /** What the current snapshot says about each environment, by name. */
    public Map<String, EnvironmentState> getStates() {
        return snapshots.ifPresent().map(s -> s.environments().stream()
                .collect(Collectors.toMap(EnvironmentState::name, Function.identity(), (a, b) -> a)))
                .orElse(Map.of());
    }

    /** What the current snapshot says about one environment, or null when it has not been collected yet. */
    public EnvironmentState state(String environment) {
        return getStates().get(environment);
    }

    public boolean failed(String environment) {
        EnvironmentState state = state(environment);
        return state != null && state.failed();
    }

    public String refreshed(EnvironmentState state) {
        if (state == null) {
            return "not collected yet";
        }
        String age = Ages.ago(state.collectedAt(), Instant.now());
        return state.failed() ? "failed " + age + (state.lastSuccessAt() == null ? "" : "; data from "
                + Ages.ago(state.lastSuccessAt(), Instant.now())) : age;
    }

    public String endpoints(EnvironmentState state) {
        return state == null ? "–" : state.endpoints() + " (" + state.endpointsOnline() + " online)";
    }

    public boolean editable(EnvironmentSummary summary) {
        return "UI".equals(summary.source());
    }

    public boolean stored(EnvironmentSummary summary) {
        return "UI".equals(summary.source()) || "ENV".equals(summary.source());
    }

    public void add() {
        editing = "";
        name = null;
        displayName = null;
        apiUrl = null;
        apiKey = null;
        verifySsl = true;
        caBundle = null;
        timeoutSeconds = 60;
        connectTimeoutSeconds = 0;
        maxConcurrency = 0;
        probe = null;
    }

    public void edit(String environment) {
        Optional<Environment> found = store.find(environment);
        if (found.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "Not found", "No environment named " + environment + ".");
            return;
        }
        Environment e = found.get();
        editing = e.getName();
        name = e.getName();
        displayName = e.getDisplayName();
        apiUrl = e.getApiUrl();
        apiKey = null;
        verifySsl = e.isVerifySsl();
        caBundle = e.getCaBundle();
        timeoutSeconds = e.getTimeoutSeconds();
        connectTimeoutSeconds = e.getConnectTimeoutSeconds();
        maxConcurrency = e.getMaxConcurrency();
        probe = null;
    }

    public void cancel() {
        editing = null;
        apiKey = null;
        probe = null;
    }

    public void save() {
        user.require(Role.ADMIN);
        try {
            EnvironmentSummary saved = isCreating()
                    ? admin.create(input(), user.getName(), user.getRoleName())
                    : admin.update(editing, input(), user.getName(), user.getRoleName());
            message(FacesMessage.SEVERITY_INFO, "Saved", saved.displayName() + " (" + saved.name()
                    + ") is saved; a refresh has started.");
            editing = null;
            apiKey = null;
            probe = null;
        } catch (EnvironmentRejected e) {
            message(FacesMessage.SEVERITY_WARN, "Not saved", e.getMessage());
        }
    }

    /** Tests what the form holds now, saved or not (a blank key: the stored one). */
    public void testForm() {
        user.require(Role.ADMIN);
        try {
            probe = admin.test(isCreating() ? blankToNull(name) : editing, input(), user.getName(),
                    user.getRoleName());
            probeOf = isCreating() ? "the unsaved settings" : editing;
        } catch (EnvironmentRejected e) {
            probe = null;
            message(FacesMessage.SEVERITY_WARN, "Not tested", e.getMessage());
        }
    }

    /** Tests a listed environment as stored. */
    public void test(String environment) {
        user.require(Role.ADMIN);
        try {
            probe = admin.test(environment, null, user.getName(), user.getRoleName());
            probeOf = environment;
        } catch (EnvironmentRejected e) {
            probe = null;
            message(FacesMessage.SEVERITY_WARN, "Not tested", e.getMessage());
        }
    }

    public void enable(String environment, boolean enabled) {
        user.require(Role.ADMIN);
        try {
            admin.update(environment, new EnvironmentInput(null, null, null, null, null, null, null, null, null,
                    enabled), user.getName(), user.getRoleName());
            message(FacesMessage.SEVERITY_INFO, enabled ? "Enabled" : "Disabled", environment + " is "
                    + (enabled ? "collected again" : "no longer collected") + "; a refresh has started.");
        } catch (EnvironmentRejected e) {
            message(FacesMessage.SEVERITY_WARN, "Not changed", e.getMessage());
        }
    }

    public void remove(String environment) {
        user.require(Role.ADMIN);
        try {
            admin.delete(environment, user.getName(), user.getRoleName());
            if (environment.equals(editing)) {
                cancel();
            }
            message(FacesMessage.SEVERITY_INFO, "Removed", environment + " is removed; its data leaves the fleet "
                    + "with the refresh that has started.");
        } catch (EnvironmentRejected e) {
            message(FacesMessage.SEVERITY_WARN, "Not removed", e.getMessage());
        }
    }

    private EnvironmentInput input() {
        return new EnvironmentInput(isCreating() ? blankToNull(name) : null, blankToNull(displayName),
                apiUrl == null ? "" : apiUrl, blankToNull(apiKey), verifySsl, timeoutSeconds, connectTimeoutSeconds,
                maxConcurrency, caBundle == null ? "" : caBundle, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public boolean isFormOpen() {
        return editing != null;
    }

    public boolean isCreating() {
        return editing != null && editing.isEmpty();
    }

    public String getEditing() {
        return editing;
    }

    public ConnectionProbe getProbe() {
        return probe;
    }

    public String getProbeOf() {
        return probeOf;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** Write-only: the form never shows a key. */
    public String getApiKey() {
        return null;
    }

    /**
     * A key entered once is kept while the form stays open: the field is never filled in again (write-only), so
     * the submit after a "Test connection" sends it empty, and that must not drop the key just tested.
     */
    public void setApiKey(String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            this.apiKey = apiKey;
        }
    }

    /** Whether a key was entered in the open form (kept for the save, never shown). */
    public boolean isKeyEntered() {
        return apiKey != null;
    }

    public boolean isVerifySsl() {
        return verifySsl;
    }

    public void setVerifySsl(boolean verifySsl) {
        this.verifySsl = verifySsl;
    }

    public String getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(String caBundle) {
        this.caBundle = caBundle;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(Integer timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    public void setConnectTimeoutSeconds(Integer connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }
}
