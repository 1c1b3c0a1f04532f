package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The signed-in session as the shell shows it: time left, "stay signed in", sign out. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    FacesContext faces;

    @Inject
    RememberedSignIn remembered;

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    public long getRemainingSeconds() {
        SignedInUser user = Sessions.user(request());
        return user == null ? 0 : user.remainingSeconds(System.currentTimeMillis());
    }

    public String getStatusUrl() {
        return faces.getExternalContext().getRequestContextPath() + AccessPolicy.SESSION_STATUS;
    }

    public String getSignInUrl() {
        return faces.getExternalContext().getRequestContextPath() + AccessPolicy.SIGN_IN_PAGE;
    }

    /** "Stay signed in": the request itself already counted as activity, so there is nothing else to do. */
    public void extend() {
        // Intentionally empty: FleetAuthenticationMechanism touched the session when this request arrived.
    }

    /**
     * For automatic requests (auto-refresh polls): undo this request's effect on the inactivity timeout, so an
     * unattended dashboard still signs out.
     */
    public void doesNotCountAsActivity() {
        Object previous = request().getAttribute(Sessions.PREVIOUS_ACTIVITY);
        SignedInUser user = Sessions.user(request());
        if (user != null && previous instanceof Long millis) {
            user.touch(millis);
        }
    }

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        remembered.forget(request(), response);
        Sessions.end(request(), response);
        try {
            request().logout();
        } catch (ServletException e) {
            // The session and the kept sign-in are gone already; the container forgets the caller with the request.
        }
        external.redirect(external.getRequestContextPath() + AccessPolicy.SIGN_IN_PAGE + "?signedOut=true");
        faces.responseComplete();
    }
}
