package io.fleetdashboard.backups.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.backups.control.Backups;
import io.fleetdashboard.backups.entity.BackupPolicy;
import io.fleetdashboard.backups.entity.BackupRefused;
import io.fleetdashboard.backups.entity.BackupSummary;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.ui.Sizes;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Backups page (backups.xhtml, admins): every backup with its status and progress, a form to back up an
 * environment now (optional password), download and delete, retention and schedule, and how to restore; the same
 * control and audit as /api/v1/backups and POST /api/v1/environments/{name}/backups. The list polls.
 */
@Named
@ViewScoped
public class BackupsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    Backups backups;

    @Inject
    Environments environments;

    @Inject
    CurrentUser user;

    private String environment;
    private String password;
    private Integer keep;
    private String interval;

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
        BackupPolicy policy = backups.policy();
        keep = policy.keep();
        interval = policy.interval();
        List<EnvironmentSummary> choices = getEnvironments();
        environment = choices.isEmpty() ? null : choices.get(0).name();
    }

    public List<BackupSummary> getBackups() {
        return backups.list();
    }

    public List<EnvironmentSummary> getEnvironments() {
        return environments.summaries();
    }

    public BackupPolicy getPolicy() {
        return backups.policy();
    }

    public boolean isRunning() {
        return getBackups().stream().anyMatch(b -> "running".equals(b.status()));
    }

    public void create() {
        user.require(Role.ADMIN);
        try {
            BackupSummary started = backups.start(environment, password, false, user.getName(), user.getRoleName());
            message(FacesMessage.SEVERITY_INFO, "Backup started", "Backup " + started.id() + " of " + environment
                    + (started.passwordProtected() ? ", password-protected," : "") + " is running.");
        } catch (BackupRefused e) {
            message(FacesMessage.SEVERITY_WARN, "Not started", e.getMessage());
        } finally {
            password = null;
        }
    }

    public void delete(long id) {
        user.require(Role.ADMIN);
        try {
            backups.delete(id, user.getName(), user.getRoleName());
            message(FacesMessage.SEVERITY_INFO, "Deleted", "Backup " + id + " and its archive are deleted.");
        } catch (BackupRefused e) {
            message(FacesMessage.SEVERITY_WARN, "Not deleted", e.getMessage());
        }
    }

    public void savePolicy() {
        user.require(Role.ADMIN);
        try {
            BackupPolicy policy = backups.changePolicy(keep, getPolicy().intervalFromVariable() ? null : interval,
                    user.getName(), user.getRoleName());
            keep = policy.keep();
            interval = policy.interval();
            message(FacesMessage.SEVERITY_INFO, "Saved", "Keeping the last " + policy.keep() + " per environment; "
                    + (policy.intervalSeconds() > 0 ? "a backup every " + policy.interval() : "no scheduled backups")
                    + ".");
        } catch (BackupRefused e) {
            message(FacesMessage.SEVERITY_WARN, "Not saved", e.getMessage());
        }
    }

    public String downloadUrl(BackupSummary backup) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/backups/"
                + backup.id();
    }

    public String size(BackupSummary backup) {
        return Sizes.bytes(backup.bytes()) + ("running".equals(backup.status()) ? " so far" : "");
    }

    public String severity(BackupSummary backup) {
        return switch (backup.status()) {
            case "done" -> "success";
            case "running" -> "info";
            default -> "danger";
        };
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /** Write-only. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getKeep() {
        return keep;
    }

    public void setKeep(Integer keep) {
        this.keep = keep;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }
}
