package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that says who may open what, decided on the canonical path (see RequestPaths). Public rules name
 * exact paths (only Faces resources are a public folder, and only for reading); folder rules give the minimum role
 * per method; the most specific rule wins; anything not listed needs a signed-in viewer. Add a page or endpoint that
 * needs more here, nowhere else, and add it to the authorization matrix test (AuthorizationMatrixIT).
 * Liberty serves /health, /metrics and /openapi itself (outside this application), so they never reach this policy.
 */
@ApplicationScoped
public class AccessPolicy {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String NOT_CONFIGURED_PAGE = "/not-configured.xhtml";
    public static final String SESSION_STATUS = "/session-status";
    public static final String ERROR_PAGE = "/error.xhtml";
    public static final String FACES_RESOURCES = "/jakarta.faces.resource";
    public static final String MCP_SERVER = "/mcp";

    static final AccessRule DEFAULT_PAGE = AccessRule.page("/", Role.VIEWER);

    static final List<AccessRule> RULES = List.of(
            // The sign-in form posts to itself.
            AccessRule.open(SIGN_IN_PAGE),
            AccessRule.openRead(NOT_CONFIGURED_PAGE),
            // Shows only a readable message (never data), also to someone whose session just ended.
            AccessRule.openRead(ERROR_PAGE),
            // Scripts, style sheets, fonts and images of the pages (PrimeFaces and ours); never data.
            AccessRule.openReadFolder(FACES_RESOURCES),
            AccessRule.openRead("/favicon.ico"),
            // Answers for itself (remaining time or 0) and must not count as activity.
            AccessRule.openRead(SESSION_STATUS),
            // Single sign-on: the start and the provider's callback, GET only (the callback checks state and nonce).
            AccessRule.openRead("/auth/oidc/login"),
            AccessRule.openRead("/auth/oidc/callback"),
            // The simulated OpenID Connect provider (tests and demo only; 404 unless SIMULATOR_OIDC_ENABLED): it is
            // an identity provider, so its authorize page and token endpoint are public by nature.
            AccessRule.openFolder("/simulator/oidc"),
            // Who is signed in, and ending a session: admins only, page and API.
            AccessRule.page("/sessions.xhtml", Role.ADMIN),
            AccessRule.api("/api/v1/sessions", Role.ADMIN, Role.ADMIN),
            // The simulated Portainer servers listen on their own ports; only the control API is in this application.
            AccessRule.api("/simulator/control", Role.ADMIN, Role.ADMIN),
            AccessRule.api("/api", Role.VIEWER, Role.OPERATOR),
            AccessRule.api("/api/v1/environments", Role.VIEWER, Role.ADMIN),
            AccessRule.api("/api/v1/settings", Role.ADMIN, Role.ADMIN),
            AccessRule.api("/api/v1/backups", Role.ADMIN, Role.ADMIN),
            // Metrics history: reads for viewers, POST collect for operators, diagnostics and maintenance for admins.
            AccessRule.api("/api/v1/metrics", Role.VIEWER, Role.OPERATOR),
            AccessRule.api("/api/v1/metrics/admin", Role.ADMIN, Role.ADMIN),
            AccessRule.page("/container-metrics.xhtml", Role.VIEWER),
            // Every container of the fleet (reads only; its CSV is /api/v1/containers.csv under the /api rule).
            AccessRule.page("/workloads.xhtml", Role.VIEWER),
            // Container details: everyone reads; actions (POST) are for operators, in the API here and in the
            // page's action methods (a Faces post of the page also carries a viewer's reload).
            AccessRule.pageFolder("/containers", Role.VIEWER),
            AccessRule.page("/container.xhtml", Role.VIEWER),
            // Actions name their containers: an operator of one environment only (single sign-on) passes here and
            // the route requires the role in each container's environment.
            AccessRule.apiPerEnvironment("/api/v1/containers", Role.VIEWER, Role.OPERATOR),
            // Fleet lists: read-only pages; their JSON and CSV twins (/api/v1/endpoints, stacks, images, ...) are
            // reads under the /api rule.
            AccessRule.page("/edge.xhtml", Role.VIEWER),
            AccessRule.page("/images.xhtml", Role.VIEWER),
            // Container health: everyone reads the page and its JSON twin (it changes nothing).
            AccessRule.page("/health.xhtml", Role.VIEWER),
            AccessRule.api("/api/v1/container-health", Role.VIEWER, Role.OPERATOR),
            // Container logs: operators and admins only, page and API. Logs are not masked and routinely hold what
            // the details page hides from viewers (tokens, connection strings with passwords, customer data), so
            // reading them needs the same trust as acting on the container.
            // They name their containers, so an operator of one environment reads that environment's logs.
            AccessRule.apiPerEnvironment("/api/v1/containers/*/logs", Role.OPERATOR, Role.OPERATOR),
            AccessRule.apiPerEnvironment("/api/v1/logs", Role.OPERATOR, Role.OPERATOR),
            AccessRule.pagePerEnvironment("/logs.xhtml", Role.OPERATOR),
            // Log search runs over every environment's indexed lines: operators everywhere.
            AccessRule.api("/api/v1/logs/search", Role.OPERATOR, Role.OPERATOR),
            // Who did what: admins only, page and API.
            AccessRule.page("/audit.xhtml", Role.ADMIN),
            AccessRule.page("/networks.xhtml", Role.VIEWER),
            // Log search shows the same unmasked log lines: operators too (its API is under /api/v1/logs).
            AccessRule.page("/log-search.xhtml", Role.OPERATOR),
            AccessRule.api("/api/v1/audit", Role.ADMIN, Role.ADMIN),
            AccessRule.page("/settings.xhtml", Role.ADMIN),
            AccessRule.page("/backups.xhtml", Role.ADMIN),
            // Portainer servers: add, change, test and remove them (the API: viewers read the list, without keys).
            AccessRule.page("/environments.xhtml", Role.ADMIN),
            // Insights and security posture: everyone reads; a monitoring round on request (POST) is for operators.
            AccessRule.page("/insights.xhtml", Role.VIEWER),
            AccessRule.api("/api/v1/insights", Role.VIEWER, Role.OPERATOR),
            AccessRule.api("/api/v1/security", Role.VIEWER, Role.OPERATOR),
            // Remediation: everyone reads; approve, reject and execute (POST) are for operators, page and API.
            AccessRule.page("/remediation.xhtml", Role.VIEWER),
            AccessRule.api("/api/v1/remediation", Role.VIEWER, Role.OPERATOR),
            // Alerts: everyone reads the deliveries, acknowledgements and maintenance windows; channels (their
            // destinations and recipients) and every change but acknowledging are for admins; operators acknowledge
            // (POST/DELETE /api/v1/alerts/acks/{insight}), page and API.
            AccessRule.page("/alerts.xhtml", Role.VIEWER),
            AccessRule.api("/api/v1/alerts", Role.VIEWER, Role.ADMIN),
            AccessRule.api("/api/v1/alerts/channels", Role.ADMIN, Role.ADMIN),
            AccessRule.api("/api/v1/alerts/acks", Role.VIEWER, Role.OPERATOR),
            // The assistant only reads (the snapshot and the stores, within the caller's role) and keeps the
            // caller's own conversations: every signed-in user may ask, page and API.
            AccessRule.page("/assistant.xhtml", Role.VIEWER),
            AccessRule.api("/api/v1/assistant", Role.VIEWER, Role.VIEWER),
            // The MCP server: only an MCP client's bearer token (created and revoked by an admin, scoped to viewer or
            // operator), never a session cookie, so no cross-site request can ride on a signed-in browser. The
            // clients themselves are managed by admins only, page and API.
            AccessRule.mcp(MCP_SERVER),
            AccessRule.page("/mcp.xhtml", Role.ADMIN),
            AccessRule.api("/api/v1/mcp", Role.ADMIN, Role.ADMIN),
            // Request tracing shows every route's latency and who asked what: admins only, page and API (reads).
            AccessRule.page("/tracing.xhtml", Role.ADMIN),
            AccessRule.api("/api/v1/tracing", Role.ADMIN, Role.ADMIN))
            .stream()
            // Exact rules first, then the deepest folder.
            .sorted(Comparator.comparing((AccessRule r) -> r.prefix())
                    .thenComparing(Comparator.comparingInt((AccessRule r) -> r.path().length()).reversed()))
            .toList();

    public AccessRule ruleFor(String canonicalPath) {
        for (AccessRule rule : RULES) {
            if (rule.matches(canonicalPath)) {
                return rule;
            }
        }
        return DEFAULT_PAGE;
    }

    /** True where HTTP Basic is accepted and failures answer 401 JSON instead of a redirect. */
    public boolean isApi(String canonicalPath) {
        return ruleFor(canonicalPath).api();
    }

    /**
     * The least role that may change something at that (API) path: a Faces action checks the role of its API twin
     * with it, so the page and the API cannot disagree. Null when nobody (or anybody) may.
     */
    public Role writeRole(String canonicalPath) {
        return ruleFor(canonicalPath).write().role();
    }

    /** Every rule, for documentation and tests. */
    public List<AccessRule> rules() {
        return RULES;
    }
}
