package io.fleetdashboard.remediation.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.remediation.control.Remediation;
import io.fleetdashboard.remediation.entity.ActionStatus;
import io.fleetdashboard.remediation.entity.RemediationAction;
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
 * The Remediation page (remediation.xhtml): suggested actions newest first, filtered by status; operators approve or
 * reject a pending one (with an optional reason) and execute an approved one, as the API's POST
 * /api/v1/remediation/actions/{id}/approve|reject|execute. The table polls.
 */
@Named
@ViewScoped
public class RemediationView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    Remediation remediation;

    @Inject
    CurrentUser user;

    private ActionStatus status = ActionStatus.PENDING;
    private String reason;

    public List<RemediationAction> getActions() {
        return remediation.list(status, 200);
    }

    public void approve(long id) {
        step(id, "approve");
    }

    public void reject(long id) {
        step(id, "reject");
    }

    public void execute(long id) {
        step(id, "execute");
    }

    private void step(long id, String what) {
        user.require(Role.OPERATOR);
        try {
            RemediationAction a = switch (what) {
                case "approve" -> remediation.approve(id, user.getName(), user.getRoleName(), reason);
                case "reject" -> remediation.reject(id, user.getName(), user.getRoleName(), reason);
                default -> remediation.execute(id, user.getName(), user.getRoleName());
            };
            reason = null;
            message(a.getStatus() == ActionStatus.FAILED ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                    "Action " + id + " " + a.getStatus().apiName(), a.getResult());
        } catch (Remediation.RefusedException e) {
            message(FacesMessage.SEVERITY_WARN, "Not done", e.getMessage());
        }
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String severityOf(RemediationAction a) {
        return switch (a.getStatus()) {
            case PENDING -> "warning";
            case APPROVED, EXECUTING -> "info";
            case EXECUTED -> "success";
            case FAILED -> "danger";
            case REJECTED, EXPIRED -> "secondary";
        };
    }

    public ActionStatus[] getStatuses() {
        return ActionStatus.values();
    }

    public ActionStatus getStatus() {
        return status;
    }

    public void setStatus(ActionStatus status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    public String getSummary() {
        return remediation.count(ActionStatus.PENDING) + " pending (at most " + remediation.maxPending() + "), "
                + remediation.count(ActionStatus.APPROVED) + " approved, " + remediation.count(ActionStatus.EXECUTED)
                + " executed, " + remediation.count(ActionStatus.FAILED) + " failed. Execution timeout "
                + remediation.timeoutSeconds() + " s." + (remediation.enabled() ? ""
                : " Remediation is off (REMEDIATION_ENABLED=false): nothing new is suggested.");
    }
}
