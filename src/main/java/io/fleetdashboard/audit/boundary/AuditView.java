package io.fleetdashboard.audit.boundary;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Audit page (audit.xhtml, admins): the audit log in a lazy table (the database pages, sorts and filters),
 * filters for user, action, result and a time range (UTC), and a CSV of every matching row from its API twin
 * GET /api/v1/audit.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    AuditLog log;

    @Inject
    CurrentUser user;

    private String userFilter;
    private String actionFilter;
    private AuditResult resultFilter;
    private LocalDateTime from;
    private LocalDateTime to;
    private List<String> users = List.of();
    private List<String> actions = List.of();
    private final Rows rows = new Rows();

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
        users = log.users();
        actions = log.actions();
    }

    /** The filters changed: the table starts again at its first page. */
    public void filter() {
        // the lazy model reads the filters on its next load
    }

    AuditFilter currentFilter() {
        return new AuditFilter(blankToNull(userFilter), blankToNull(actionFilter), resultFilter,
                from == null ? null : from.toInstant(ZoneOffset.UTC), to == null ? null : to.toInstant(ZoneOffset.UTC));
    }

    /** The lazy model: each page is one query on the log. */
    public final class Rows extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return log.count(currentFilter());
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
            String field = sort == null ? "at" : sort.getField();
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            return log.page(currentFilter(), field, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return Long.toString(event.id());
        }

        @Override
        public AuditEvent getRowData(String rowKey) {
            return null;
        }
    }

    public Rows getRows() {
        return rows;
    }

    /** GET /api/v1/audit?format=csv with the page's filters: every matching row. */
    public String getCsvUrl() {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("format=csv");
        AuditFilter f = currentFilter();
        add(query, "user", f.user());
        add(query, "action", f.action());
        add(query, "result", f.result() == null ? null : f.result().name().toLowerCase(Locale.ROOT));
        add(query, "from", f.from() == null ? null : f.from().toString());
        add(query, "to", f.to() == null ? null : f.to().toString());
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/audit"
                + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String resultSeverity(AuditResult result) {
        return switch (result) {
            case SUCCESS -> "success";
            case NO_CHANGE -> "info";
            case FAILURE -> "danger";
            case DENIED -> "warning";
        };
    }

    public List<String> getUsers() {
        return users;
    }

    public List<String> getActions() {
        return actions;
    }

    public AuditResult[] getResults() {
        return AuditResult.values();
    }

    public String getUserFilter() {
        return userFilter;
    }

    public void setUserFilter(String userFilter) {
        this.userFilter = userFilter;
    }

    public String getActionFilter() {
        return actionFilter;
    }

    public void setActionFilter(String actionFilter) {
        this.actionFilter = actionFilter;
    }

    public AuditResult getResultFilter() {
        return resultFilter;
    }

    public void setResultFilter(AuditResult resultFilter) {
        this.resultFilter = resultFilter;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
