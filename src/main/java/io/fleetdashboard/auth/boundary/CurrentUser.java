package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.entity.AccessDeniedException;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

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

    /** Call first in any action that changes something; the exception handler turns the refusal into a message. */
    public void require(Role role) {
        if (!has(role)) {
            throw new AccessDeniedException(role);
        }
    }
}
