package io.fleetdashboard.alerts.boundary;

import io.fleetdashboard.alerts.control.AlertChannels;
import io.fleetdashboard.alerts.control.AlertInputs;
import io.fleetdashboard.alerts.control.Alerting;
import io.fleetdashboard.alerts.entity.AlertAck;
import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.AlertDelivery;
import io.fleetdashboard.alerts.entity.AlertRefusedException;
import io.fleetdashboard.alerts.entity.ChannelKind;
import io.fleetdashboard.alerts.entity.DeliveryFilter;
import io.fleetdashboard.alerts.entity.DeliveryStatus;
import io.fleetdashboard.alerts.entity.MaintenanceWindow;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Alerts page (alerts.xhtml): the delivery record (everyone, filtered by status), the notified open insights
 * with acknowledge / withdraw (operators, as POST/DELETE /api/v1/alerts/acks/{insight}), maintenance windows and the
 * channels with "Send test" (admins, as the channel API). The form's fields go through the API's own checks.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    Alerting alerting;

    @Inject
    AlertChannels channels;

    @Inject
    CurrentUser user;

    private DeliveryStatus status;
    private String note;

    // the new channel's fields
    private String name;
    private ChannelKind kind = ChannelKind.WEBHOOK;
    private String url;
    private InsightSeverity minSeverity = InsightSeverity.WARNING;
    private List<String> categories = new ArrayList<>();
    private String kinds;
    private long renotifySeconds = 3600;
    private boolean notifyResolved;
    private String smtpHost;
    private Integer smtpPort = 25;
    private String smtpUsername;
    private String smtpPassword;
    private boolean smtpStarttls;
    private String mailFrom;
    private String mailTo;

    // the new window's fields
    private String windowName;
    private int windowMinutes = 60;

    /** What one request read: the tables ask for their values several times while rendering. */
    private transient Object readFor;
    private transient Map<String, Object> read;

    @SuppressWarnings("unchecked")
    private <T> T once(String what, java.util.function.Supplier<T> load) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (read == null || readFor != context) {
            read = new java.util.HashMap<>();
            readFor = context;
        }
        return (T) read.computeIfAbsent(what, k -> load.get());
    }

    private void forget() {
        read = null;
    }

    public List<AlertDelivery> getDeliveries() {
        return once("deliveries", () -> alerting.deliveries(new DeliveryFilter(null, status, null, null), 0, 200));
    }

    public int getDeliveryCount() {
        return alerting.count(new DeliveryFilter(null, status, null, null));
    }

    public List<Insight> getNotified() {
        return once("notified", () -> alerting.notifiedOpenInsights(200));
    }

    public Map<Long, AlertAck> getAcks() {
        return once("acks", () -> alerting.acks().stream().collect(Collectors.toMap(AlertAck::getInsightId,
                Function.identity())));
    }

    public List<AlertChannel> getChannels() {
        return once("channels", () -> user.isAdmin() ? channels.list() : List.<AlertChannel>of());
    }

    public List<MaintenanceWindow> getWindows() {
        return once("windows", () -> alerting.windows(50));
    }

    public String getSummary() {
        List<AlertChannel> all = channels.list();
        long on = all.stream().filter(AlertChannel::isEnabled).count();
        String window = alerting.activeWindow().map(w -> " Maintenance window \"" + w.getName() + "\" until "
                + time(w.endsAt()) + ": nothing is sent, what would be is recorded as suppressed.").orElse("");
        return (alerting.enabled() ? "" : "Alerts are off (ALERTS_ENABLED=false). ") + on + " of " + all.size()
                + " channels enabled; up to " + alerting.maxAttempts() + " attempts per delivery." + window;
    }

    public boolean windowActive(MaintenanceWindow w) {
        return w.covers(Instant.now());
    }

    // ------------------------------------------------------------------ actions

    public void acknowledge(long insightId) {
        user.require(Role.OPERATOR);
        run(() -> {
            alerting.acknowledge(insightId, note == null || note.isBlank() ? null : note.strip(), user.getName(),
                    user.getRoleName());
            note = null;
            return "Insight " + insightId + " acknowledged: no more re-notifications.";
        });
    }

    public void unacknowledge(long insightId) {
        user.require(Role.OPERATOR);
        run(() -> {
            alerting.unacknowledge(insightId, user.getName(), user.getRoleName());
            return "Acknowledgement of insight " + insightId + " withdrawn.";
        });
    }

    public void addChannel() {
        user.require(Role.ADMIN);
        run(() -> {
            AlertChannel c = channels.create(AlertInputs.channel(channelJson(), true), user.getName(),
                    user.getRoleName());
            url = null;
            smtpPassword = null;
            name = null;
            return "Channel \"" + c.getName() + "\" added.";
        });
    }

    public void sendTest(long id) {
        user.require(Role.ADMIN);
        run(() -> {
            AlertDelivery d = alerting.test(id, user.getName(), user.getRoleName())
                    .get(AlertsResource.TEST_WAIT_SECONDS, TimeUnit.SECONDS);
            if (d == null) {
                return "Test queued; see the deliveries.";
            }
            if (d.getStatus() != DeliveryStatus.SENT) {
                throw AlertRefusedException.invalid("Test to \"" + d.getChannelName() + "\" failed: " + d.getReason());
            }
            return "Test sent to \"" + d.getChannelName() + "\".";
        });
    }

    public void toggle(long id) {
        user.require(Role.ADMIN);
        run(() -> {
            AlertChannel c = channels.find(id);
            channels.enable(id, !c.isEnabled(), user.getName(), user.getRoleName());
            return "Channel \"" + c.getName() + "\" " + (c.isEnabled() ? "disabled." : "enabled.");
        });
    }

    public void deleteChannel(long id) {
        user.require(Role.ADMIN);
        run(() -> {
            channels.delete(id, user.getName(), user.getRoleName());
            return "Channel deleted.";
        });
    }

    public void addWindow() {
        user.require(Role.ADMIN);
        run(() -> {
            Instant now = Clock.systemUTC().instant();
            if (windowMinutes < 1 || windowMinutes > AlertInputs.MAX_WINDOW.toMinutes()) {
                throw new IllegalArgumentException("Minutes must be from 1 to " + AlertInputs.MAX_WINDOW.toMinutes()
                        + ".");
            }
            MaintenanceWindow w = alerting.addWindow(AlertInputs.window(windowName, now,
                    now.plusSeconds(windowMinutes * 60L), now), user.getName(), user.getRoleName());
            windowName = null;
            return "Maintenance window \"" + w.getName() + "\" until " + time(w.endsAt()) + ".";
        });
    }

    public void removeWindow(long id) {
        user.require(Role.ADMIN);
        run(() -> {
            alerting.removeWindow(id, user.getName(), user.getRoleName());
            return "Maintenance window removed.";
        });
    }

    /** The form as the API's JSON body, so both take the same checks. */
    String channelJson() {
        JsonObjectBuilder o = Json.createObjectBuilder();
        addText(o, "name", name);
        o.add("kind", kind == null ? "" : kind.apiName());
        o.add("minSeverity", minSeverity == null ? "warning" : minSeverity.apiName());
        JsonArrayBuilder cats = Json.createArrayBuilder();
        (categories == null ? List.<String>of() : categories).forEach(cats::add);
        o.add("categories", cats);
        addText(o, "kinds", kinds);
        o.add("renotifySeconds", renotifySeconds);
        o.add("notifyResolved", notifyResolved);
        if (kind != null && kind.webhook()) {
            addText(o, "url", url);
        } else {
            JsonObjectBuilder smtp = Json.createObjectBuilder();
            addText(smtp, "host", smtpHost);
            if (smtpPort != null) {
                smtp.add("port", smtpPort);
            }
            addText(smtp, "username", smtpUsername);
            addText(smtp, "password", smtpPassword);
            smtp.add("starttls", smtpStarttls);
            o.add("smtp", smtp);
            addText(o, "from", mailFrom);
            addText(o, "to", mailTo);
        }
        return o.build().toString();
    }

    private static void addText(JsonObjectBuilder o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.add(field, value);
        }
    }

    /** An action that answers a sentence; refusals and bad input become a warning message, never an error page. */
    private interface Step {
        String run() throws Exception;
    }

    private void run(Step step) {
        try {
            runStep(step);
        } finally {
            forget();
        }
    }

    private static void runStep(Step step) {
        try {
            message(FacesMessage.SEVERITY_INFO, step.run(), null);
        } catch (AlertRefusedException | IllegalArgumentException e) {
            message(FacesMessage.SEVERITY_WARN, "Not done", e.getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            message(FacesMessage.SEVERITY_INFO, "Still sending; see the deliveries.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message(FacesMessage.SEVERITY_WARN, "Not done", "interrupted");
        } catch (io.fleetdashboard.auth.entity.AccessDeniedException e) {
            throw e;
        } catch (Exception e) {
            message(FacesMessage.SEVERITY_WARN, "Not done", "unexpected error (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String severityOf(AlertDelivery d) {
        return switch (d.getStatus()) {
            case SENT -> "success";
            case FAILED -> "danger";
            case SUPPRESSED -> "secondary";
        };
    }

    public String rule(AlertChannel c) {
        return "≥ " + c.getMinSeverity().apiName()
                + (c.categoryList().isEmpty() ? "" : "; " + c.categoryList().stream().map(InsightCategory::apiName)
                .collect(Collectors.joining(", ")))
                + (c.kindList().isEmpty() ? "" : "; kinds " + String.join(", ", c.kindList()))
                + "; re-notify " + (c.getRenotifySeconds() == 0 ? "never" : c.getRenotifySeconds() + " s")
                + (c.isNotifyResolved() ? "; resolved notices" : "");
    }

    public DeliveryStatus[] getStatuses() {
        return DeliveryStatus.values();
    }

    public ChannelKind[] getKinds() {
        return ChannelKind.values();
    }

    public InsightSeverity[] getSeverities() {
        return InsightSeverity.values();
    }

    public InsightCategory[] getCategoryChoices() {
        return InsightCategory.values();
    }

    // ------------------------------------------------------------------ properties

    public DeliveryStatus getStatus() {
        return status;
    }

    public void setStatus(DeliveryStatus status) {
        this.status = status;
        forget();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public void setKind(ChannelKind kind) {
        this.kind = kind;
    }

    public String getUrl() {
        return null;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public InsightSeverity getMinSeverity() {
        return minSeverity;
    }

    public void setMinSeverity(InsightSeverity minSeverity) {
        this.minSeverity = minSeverity;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
    }

    public String getKindsText() {
        return kinds;
    }

    public void setKindsText(String kinds) {
        this.kinds = kinds;
    }

    public long getRenotifySeconds() {
        return renotifySeconds;
    }

    public void setRenotifySeconds(long renotifySeconds) {
        this.renotifySeconds = renotifySeconds;
    }

    public boolean isNotifyResolved() {
        return notifyResolved;
    }

    public void setNotifyResolved(boolean notifyResolved) {
        this.notifyResolved = notifyResolved;
    }

    public String getSmtpHost() {
        return smtpHost;
    }

    public void setSmtpHost(String smtpHost) {
        this.smtpHost = smtpHost;
    }

    public Integer getSmtpPort() {
        return smtpPort;
    }

    public void setSmtpPort(Integer smtpPort) {
        this.smtpPort = smtpPort;
    }

    public String getSmtpUsername() {
        return smtpUsername;
    }

    public void setSmtpUsername(String smtpUsername) {
        this.smtpUsername = smtpUsername;
    }

    public String getSmtpPassword() {
        return null;
    }

    public void setSmtpPassword(String smtpPassword) {
        this.smtpPassword = smtpPassword;
    }

    public boolean isSmtpStarttls() {
        return smtpStarttls;
    }

    public void setSmtpStarttls(boolean smtpStarttls) {
        this.smtpStarttls = smtpStarttls;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }

    public String getMailTo() {
        return mailTo;
    }

    public void setMailTo(String mailTo) {
        this.mailTo = mailTo;
    }

    public String getWindowName() {
        return windowName;
    }

    public void setWindowName(String windowName) {
        this.windowName = windowName;
    }

    public int getWindowMinutes() {
        return windowMinutes;
    }

    public void setWindowMinutes(int windowMinutes) {
        this.windowMinutes = windowMinutes;
    }
}
