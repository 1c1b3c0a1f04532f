package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on groups to roles. The claim named by DASHBOARD_OIDC_ROLE_CLAIM (default "groups"; a list of strings,
 * or one string of space or comma separated names) is matched against DASHBOARD_OIDC_ADMIN_GROUPS, _OPERATOR_GROUPS
 * and _VIEWER_GROUPS (comma separated). An entry "group:environment" gives that role in that environment only
 * ("ops-edge:edge" = operator of edge); the user then reads everything as a viewer. The strongest match wins; a user
 * whose groups match nothing gets no role and is refused.
 */
@ApplicationScoped
public class RoleMapping {

    /** The outcome: a role everywhere (null: none) and stronger roles in single environments. */
    public record Mapped(Role everywhere, Map<String, Role> byEnvironment) {

        public boolean refused() {
            return everywhere == null;
        }
    }

    @Inject
    @ConfigProperty(name = "dashboard.oidc.role.claim", defaultValue = "groups")
    String claim;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.admin.groups")
    Optional<String> adminGroups;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.operator.groups")
    Optional<String> operatorGroups;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.viewer.groups")
    Optional<String> viewerGroups;

    private final Map<Role, List<String>> entries = new LinkedHashMap<>();

    public RoleMapping() {
    }

    /** For tests: the three variables' values. */
    RoleMapping(String claim, String admins, String operators, String viewers) {
        this.claim = claim;
        this.adminGroups = Optional.ofNullable(admins);
        this.operatorGroups = Optional.ofNullable(operators);
        this.viewerGroups = Optional.ofNullable(viewers);
        init();
    }

    @PostConstruct
    void init() {
        entries.put(Role.ADMIN, split(adminGroups.orElse("")));
        entries.put(Role.OPERATOR, split(operatorGroups.orElse("")));
        entries.put(Role.VIEWER, split(viewerGroups.orElse("")));
    }

    /** The claim the groups are read from. */
    public String claim() {
        return claim == null || claim.isBlank() ? "groups" : claim.trim();
    }

    /** True when at least one group is mapped (otherwise every SSO user would be refused: worth a warning). */
    public boolean anyMapped() {
        return entries.values().stream().anyMatch(list -> !list.isEmpty());
    }

    /** The roles of a user with that claim value (a collection of names, one string, or null). */
    public Mapped map(Object claimValue) {
        List<String> groups = groups(claimValue);
        Role everywhere = null;
        Map<String, Role> scoped = new TreeMap<>();
        for (Map.Entry<Role, List<String>> byRole : entries.entrySet()) {
            Role role = byRole.getKey();
            for (String entry : byRole.getValue()) {
                int colon = entry.indexOf(':');
                String group = colon < 0 ? entry : entry.substring(0, colon);
                if (!groups.contains(group)) {
                    continue;
                }
                if (colon < 0) {
                    everywhere = stronger(everywhere, role);
                } else {
                    scoped.merge(entry.substring(colon + 1), role, RoleMapping::stronger);
                }
            }
        }
        if (everywhere == null && !scoped.isEmpty()) {
            // An environment role alone: the rest of the fleet is read-only for them.
            everywhere = Role.VIEWER;
        }
        Role base = everywhere;
        scoped.values().removeIf(role -> base != null && base.includes(role));
        return new Mapped(everywhere, scoped);
    }

    static List<String> groups(Object claimValue) {
        List<String> groups = new ArrayList<>();
        if (claimValue instanceof Collection<?> values) {
            for (Object value : values) {
                if (value != null) {
                    groups.add(value.toString().trim());
                }
            }
        } else if (claimValue instanceof String text) {
            groups.addAll(split(text.replace(' ', ',')));
        }
        return groups;
    }

    private static List<String> split(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }

    private static Role stronger(Role a, Role b) {
        if (a == null) {
            return b;
        }
        return b.includes(a) ? b : a;
    }
}
