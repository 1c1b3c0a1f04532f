package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.entity.AccessDeniedException;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Who is asking, for pages (#{currentUser.operator}) and for Java (currentUser.require(Role.OPERATOR) before an
 * action). Works in Faces views and JAX-RS resources alike, for session and Basic callers.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    private SignedInUser user() {
        return Sessions.user(request);
    }

    public boolean isSignedIn() {
        return user() != null;
    }

    /** The user name, or null when nobody is signed in. */
    public String getName() {
        SignedInUser user = user();
        return user == null ? null : user.getUsername();
    }

    /** The role, or null when nobody is signed in. */
    public Role getRole() {
        SignedInUser user = user();
        return user == null ? null : user.getRole();
    }

    public String getRoleName() {
        Role role = getRole();
        return role == null ? "" : role.groupName();
    }

    public boolean has(Role role) {
        SignedInUser user = user();
        return user != null && user.getRole().includes(role);
    }

    public boolean isViewer() {
        return has(Role.VIEWER);
    }

    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Roles held in some environments only (single sign-on), by environment name; empty for everyone else. */
    public Map<String, Role> getEnvironmentRoles() {
        SignedInUser user = user();
        return user == null ? Map.of() : user.getScopedRoles();
    }

    /** The role in one environment: a single sign-on environment role when stronger than the global one. */
    public boolean hasIn(String environment, Role role) {
        SignedInUser user = user();
        return user != null && user.roleIn(environment).includes(role);
    }

    /** The role's name as held in that environment, for the audit log. */
    public String getRoleNameIn(String environment) {
        SignedInUser user = user();
        return user == null ? "" : user.roleIn(environment).groupName();
    }

    /** Call first in an action on one environment's containers (the routes of AccessRule.perEnvironment rules). */
    public void requireIn(String environment, Role role) {
        if (!hasIn(environment, role)) {
            SignedInUser user = user();
            throw user != null && !user.getScopedRoles().isEmpty() ? new AccessDeniedException(role, environment)
                    : new AccessDeniedException(role);
        }
    }

    /** Call first in any action that changes something; the exception handler turns the refusal into a message. */
    public void require(Role role) {
        if (!has(role)) {
            throw new AccessDeniedException(role);
        }
    }

    /**
     * For a stream that lasts beyond this request (a log follow, live updates): true while the session of this
     * request lasts; always true for a caller with HTTP Basic (no session).
     */
    public BooleanSupplier sessionAlive() {
        HttpSession session = request.getSession(false);
        return () -> {
            if (session == null) {
                return true;
            }
            try {
                session.getLastAccessedTime();
                return true;
            } catch (IllegalStateException invalidated) {
                return false;
            }
        };
    }
}
