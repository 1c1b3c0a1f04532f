package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that says who may open what: path prefix -> minimum role. The longest matching prefix wins;
 * anything not listed needs a signed-in viewer. Add a page or endpoint that needs more here, nowhere else.
 * Liberty serves /health, /metrics and /openapi itself (outside this application), so they never reach this policy.
 */
@ApplicationScoped
public class AccessPolicy {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String NOT_CONFIGURED_PAGE = "/not-configured.xhtml";
    public static final String SESSION_STATUS = "/session-status";
    public static final String ERROR_PAGE = "/error.xhtml";

    static final AccessRule DEFAULT_PAGE = AccessRule.page("/", Role.VIEWER);

    static final List<AccessRule> RULES = List.of(
            AccessRule.open(SIGN_IN_PAGE),
            AccessRule.open(NOT_CONFIGURED_PAGE),
            // Shows only a readable message (never data), also to someone whose session just ended.
            AccessRule.open(ERROR_PAGE),
            AccessRule.open("/jakarta.faces.resource/"),
            AccessRule.open("/favicon.ico"),
            // Answers for itself (remaining time or 0) and must not count as activity.
            AccessRule.open(SESSION_STATUS),
            // The simulated Portainer checks its own X-API-Key, like the real one; only its control API is ours.
            AccessRule.open("/simulator/"),
            AccessRule.api("/simulator/control/", Role.ADMIN, Role.ADMIN),
            AccessRule.api("/api/", Role.VIEWER, Role.OPERATOR),
            AccessRule.api("/api/v1/environments/", Role.VIEWER, Role.ADMIN),
            AccessRule.api("/api/v1/settings/", Role.ADMIN, Role.ADMIN),
            AccessRule.api("/api/v1/backups/", Role.ADMIN, Role.ADMIN),
            // Metrics history: reads for viewers, POST collect for operators, diagnostics and maintenance for admins.
            AccessRule.api("/api/v1/metrics/", Role.VIEWER, Role.OPERATOR),
            AccessRule.api("/api/v1/metrics/admin/", Role.ADMIN, Role.ADMIN),
            AccessRule.page("/container-metrics.xhtml", Role.VIEWER),
            AccessRule.page("/settings.xhtml", Role.ADMIN),
            AccessRule.page("/backups.xhtml", Role.ADMIN))
            .stream().sorted(Comparator.comparingInt((AccessRule r) -> r.prefix().length()).reversed()).toList();

    public AccessRule ruleFor(String path) {
        for (AccessRule rule : RULES) {
            if (rule.matches(path)) {
                return rule;
            }
        }
        return DEFAULT_PAGE;
    }

    /** True where HTTP Basic is accepted and failures answer 401 JSON instead of a redirect. */
    public boolean isApi(String path) {
        return ruleFor(path).api();
    }
}
