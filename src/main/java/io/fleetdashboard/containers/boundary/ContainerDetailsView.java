package io.fleetdashboard.containers.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.control.ContainerActions;
import io.fleetdashboard.containers.control.ContainerDetailsReader;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ContainerDetails;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.ui.Ages;
import io.fleetdashboard.ui.Sizes;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The container details page (container.xhtml, addressed as /containers/{key}): reads through
 * {@link ContainerDetailsReader}, acts through {@link ContainerActions} after checking the operator role, like its
 * API twin POST /api/v1/containers/{key}/{action}.
 */
@Named
@ViewScoped
public class ContainerDetailsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    ContainerDetailsReader reader;

    @Inject
    ContainerActions actions;

    @Inject
    CurrentUser user;

    private String key;
    private ContainerDetails details;
    private String error;
    private ActionResult lastResult;

    /** f:viewAction: reads the container named by the key parameter. */
    public void load() {
        read(false);
    }

    /** The reload button: reads Docker again, whatever is cached. */
    public void reload() {
        read(true);
    }

    private void read(boolean fresh) {
        error = null;
        details = null;
        ContainerKey parsed = ContainerKey.parse(key).orElse(null);
        if (parsed == null) {
            notFound("This is not a container's address: it ends with environment:endpoint:containerId.");
            return;
        }
        try {
            details = (fresh ? reader.fresh(parsed) : reader.details(parsed)).orElse(null);
            if (details == null) {
                notFound("No such container: it was removed, or its environment is not configured.");
            }
        } catch (PortainerException e) {
            error = "Docker could not be asked, and the fleet snapshot does not know this container: "
                    + e.getMessage();
        }
    }

    /** Said on the page itself (a 404 status here could hand the response to the container's error page). */
    private void notFound(String message) {
        error = message;
    }

    /** An action button, after its confirmation (operators; the page hides the buttons from viewers). */
    public void act(String action) {
        ContainerKey parsed = ContainerKey.parse(key).orElse(null);
        user.requireIn(parsed == null ? null : parsed.environment(), Role.OPERATOR);
        ContainerAction what = ContainerAction.parse(action).orElse(null);
        if (parsed == null || what == null) {
            return;
        }
        lastResult = actions.act(parsed, what, user.getName(), user.getRoleNameIn(parsed.environment()));
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(lastResult.succeeded()
                ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, label(what) + " " + lastResult.name()
                + (lastResult.succeeded() ? "" : " failed"), lastResult.message() + " (" + Ages.duration(
                lastResult.durationMillis()) + ")"));
        read(true);
    }

    public boolean isActionsAllowed() {
        return user.hasIn(ContainerKey.parse(key).map(ContainerKey::environment).orElse(null), Role.OPERATOR);
    }

    private static String label(ContainerAction action) {
        return switch (action) {
            case START -> "Start";
            case STOP -> "Stop";
            case RESTART -> "Restart";
            case KILL -> "Kill";
        };
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public ContainerDetails getDetails() {
        return details;
    }

    public String getError() {
        return error;
    }

    public ActionResult getLastResult() {
        return lastResult;
    }

    /** The metrics page of this container. */
    /** The Logs page with this container picked (operators: logs are not masked). */
    public String getLogsUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/logs.xhtml?container=" + URLEncoder.encode(key == null ? "" : key, StandardCharsets.UTF_8);
    }

    public String getMetricsUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/container-metrics.xhtml?container=" + URLEncoder.encode(key == null ? "" : key,
                StandardCharsets.UTF_8);
    }

    /** This page's own address, for sharing. */
    public String getPermalink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + ContainerPageServlet.path(key == null ? "" : key);
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public String ago(Instant at) {
        return at == null ? "—" : Ages.ago(at, Instant.now());
    }

    public String bytes(Long value) {
        return value == null || value == 0 ? "—" : Sizes.bytes(value);
    }

    public String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    public String cpus(long nanoCpus) {
        return nanoCpus <= 0 ? "unlimited" : String.format(Locale.ROOT, "%.2f", nanoCpus / 1e9);
    }

    /** Where a port listens on the host: "0.0.0.0:8080" (Docker's "" is every interface), or "not published". */
    public String hostBinding(io.fleetdashboard.portainer.entity.ContainerInspection.PortMapping port) {
        if (!port.published()) {
            return "not published";
        }
        String ip = port.hostIp() == null || port.hostIp().isBlank() ? "0.0.0.0" : port.hostIp();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port.hostPort();
    }

    public String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** A tag severity for a container state (PrimeFaces tag: success, info, warning, danger). */
    public String stateSeverity(Object state) {
        return switch (String.valueOf(state)) {
            case "RUNNING" -> "success";
            case "RESTARTING", "DEAD" -> "danger";
            case "PAUSED", "CREATED" -> "warning";
            default -> "info";
        };
    }

    public String findingSeverity(Object severity) {
        return switch (String.valueOf(severity)) {
            case "CRITICAL" -> "danger";
            case "WARNING" -> "warning";
            default -> "info";
        };
    }

    public java.util.List<Map.Entry<String, String>> getLabels() {
        return details == null || details.inspection() == null ? java.util.List.of()
                : java.util.List.copyOf(details.inspection().labels().entrySet());
    }
}
