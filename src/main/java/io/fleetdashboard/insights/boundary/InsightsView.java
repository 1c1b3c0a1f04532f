package io.fleetdashboard.insights.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.insights.control.InsightStore;
import io.fleetdashboard.insights.control.Monitor;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightEvent;
import io.fleetdashboard.insights.entity.InsightFilter;
import io.fleetdashboard.insights.entity.InsightSeverity;
import io.fleetdashboard.insights.entity.InsightSort;
import io.fleetdashboard.insights.entity.InsightStatus;
import io.fleetdashboard.insights.entity.ModelAnalysis;
import io.fleetdashboard.insights.entity.RoundReport;
import io.fleetdashboard.ui.LazyRows;
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
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The Insights page (insights.xhtml): the monitor's insights in a lazy table (filters status, severity, category and
 * text; sorted in the database), an insight's history, the last round, a CSV from the API twin GET
 * /api/v1/insights, and "Analyse now" for operators (the API's POST /api/v1/insights/analyze). The table polls, so
 * new and resolved insights appear without a reload.
 */
@Named
@ViewScoped
public class InsightsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** The most rows the table pages through (the CSV has up to 20,000). */
    static final int TABLE_MAX = 5000;

    @Inject
    InsightStore store;

    @Inject
    Monitor monitor;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    private String status = "open";
    private InsightSeverity severity;
    private InsightCategory category;
    private String text;
    private Long selectedId;
    private final LazyRows<Insight, InsightSort, Row> rows = new LazyRows<>(
            (sort, descending) -> store.list(currentFilter(), sort, descending, 0, TABLE_MAX), InsightSort.class,
            InsightSort.LASTSEEN, true, Row::new, Row::getId);

    /** One table row (JavaBean getters for EL). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Insight insight;

        Row(Insight insight) {
            this.insight = insight;
        }

        public String getId() {
            return Long.toString(insight.getId());
        }

        public String getSeverity() {
            return insight.getSeverity().apiName();
        }

        public String getCategory() {
            return insight.getCategory().apiName();
        }

        public String getKind() {
            return insight.getKind();
        }

        public String getTitle() {
            return insight.getTitle();
        }

        public String getDetail() {
            return insight.getDetail();
        }

        public String getRecommended() {
            return insight.getRecommended();
        }

        public String getStatus() {
            return insight.getStatus().apiName();
        }

        public String getResources() {
            return String.join(" ", insight.resourceList());
        }

        /** The container this is about, for a link to its details; null when it is not about one container. */
        public String getContainerKey() {
            List<String> keys = insight.resourceList();
            return keys.size() == 1 && keys.get(0).split(":").length == 3 ? keys.get(0) : null;
        }

        public String getFirstSeen() {
            return TIME.format(insight.firstSeen());
        }

        public String getLastSeen() {
            return TIME.format(insight.lastSeen());
        }

        public String getResolvedAt() {
            return insight.resolvedAt() == null ? "" : TIME.format(insight.resolvedAt());
        }

        public boolean isSimulated() {
            return insight.isSimulated();
        }

        public String getTagSeverity() {
            return switch (insight.getSeverity()) {
                case CRITICAL -> "danger";
                case WARNING -> "warning";
                case INFO -> "info";
            };
        }
    }

    InsightFilter currentFilter() {
        InsightStatus s = switch (status == null ? "open" : status) {
            case "resolved" -> InsightStatus.RESOLVED;
            case "all" -> null;
            default -> InsightStatus.OPEN;
        };
        return new InsightFilter(s, severity, category, null, text == null || text.isBlank() ? null : text.strip());
    }

    /** The filters changed: the lazy model reads them on its next load. */
    public void filter() {
        selectedId = null;
    }

    /** Runs a round now (operators); the table shows its result when it ends. */
    public void analyse() {
        user.require(Role.OPERATOR);
        long started = System.nanoTime();
        monitor.round();
        audit.record(user.getName(), user.getRoleName(), "insights.analyze", null, null, AuditResult.SUCCESS,
                (System.nanoTime() - started) / 1_000_000, "started from the Insights page");
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Analysis started", "New and resolved insights appear when the round ends."));
    }

    public void select(String id) {
        selectedId = Long.valueOf(id);
    }

    public void closeHistory() {
        selectedId = null;
    }

    public Insight getSelected() {
        return selectedId == null ? null : store.find(selectedId).orElse(null);
    }

    public List<InsightEvent> getHistory() {
        return selectedId == null ? List.of() : store.history(selectedId);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public LazyRows<Insight, InsightSort, Row> getRows() {
        return rows;
    }

    /** "Last round 12:00:03 UTC: 5 open (2 new, 1 resolved) · 480 of 512 running containers scanned". */
    /** The model's reading of the last round, or null without a model. */
    public ModelAnalysis getAnalysis() {
        return monitor.analysis().orElse(null);
    }

    public String getAnalysisTitle() {
        ModelAnalysis analysis = getAnalysis();
        if (analysis == null) {
            return "";
        }
        return "The model's reading" + (analysis.simulated() ? " (simulated)" : "") + " · " + analysis.model()
                + " · " + TIME.format(analysis.at()) + " UTC · " + analysis.findings().size() + " findings"
                + (analysis.dropped() == 0 ? "" : ", " + analysis.dropped() + " left out (no resource of the round)");
    }

    public String getRoundNote() {
        RoundReport last = monitor.last().orElse(null);
        String schedule = monitor.enabled() ? "Monitoring every " + monitor.intervalMinutes() + " min."
                : "Monitoring is off (MONITORING_ENABLED=false): rounds run only on request.";
        if (last == null) {
            return schedule + " No round has finished yet.";
        }
        return schedule + " Last round " + TIME.format(last.finishedAt()) + " UTC on the fleet data of "
                + (last.snapshotTakenAt() == null ? "(none)" : TIME.format(last.snapshotTakenAt()) + " UTC")
                + (last.simulated() ? " (simulated)" : "") + ": " + last.open() + " open, " + last.opened() + " new, "
                + last.resolved() + " resolved · posture of " + last.postureKnown() + " of " + last.postureRunning()
                + " running containers scanned" + (last.error() == null ? "" : " · " + last.error());
    }

    public boolean isRunning() {
        return monitor.running();
    }

    public String getCsvUrl() {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("format=csv");
        query.add("status=" + (status == null ? "open" : status));
        if (severity != null) {
            query.add("severity=" + severity.apiName());
        }
        if (category != null) {
            query.add("category=" + category.apiName());
        }
        if (text != null && !text.isBlank()) {
            query.add("q=" + URLEncoder.encode(text.strip(), StandardCharsets.UTF_8));
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/insights"
                + query;
    }

    public InsightSeverity[] getSeverities() {
        return InsightSeverity.values();
    }

    public InsightCategory[] getCategories() {
        return InsightCategory.values();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null || !List.of("open", "resolved", "all").contains(status) ? "open" : status;
    }

    public InsightSeverity getSeverity() {
        return severity;
    }

    public void setSeverity(InsightSeverity severity) {
        this.severity = severity;
    }

    public InsightCategory getCategory() {
        return category;
    }

    public void setCategory(InsightCategory category) {
        this.category = category;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
