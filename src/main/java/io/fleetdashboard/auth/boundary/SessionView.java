package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.SignInAudit;
import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.control.SingleSignOn;
import io.fleetdashboard.auth.entity.SignInMethod;
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
import java.net.URI;
import java.util.Optional;

/** The signed-in session as the shell shows it: time left, "stay signed in", sign out. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    FacesContext faces;

    @Inject
    RememberedSignIn remembered;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInAudit audit;

    @Inject
    SingleSignOn sso;

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

    /**
     * Signs out here (session, kept sign-in) and, for a single sign-on session whose provider has an
     * end_session_endpoint, at the provider too (RP-initiated logout), which then returns to the sign-in page.
     */
    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        SignedInUser user = Sessions.user(request());
        String signedOutPage = AccessPolicy.SIGN_IN_PAGE + "?signedOut=true";
        Optional<URI> atProvider = Optional.empty();
        if (user != null) {
            sessions.gone(user);
            audit.signedOut(user, request().getRemoteAddr());
            if (user.getMethod() == SignInMethod.SSO) {
                atProvider = sso.endSession(user.getIdToken(), absolute(signedOutPage));
            }
        }
        remembered.forget(request(), response);
        Sessions.end(request(), response);
        try {
            request().logout();
        } catch (ServletException e) {
            // The session and the kept sign-in are gone already; the container forgets the caller with the request.
        }
        external.redirect(atProvider.map(URI::toString).orElse(external.getRequestContextPath() + signedOutPage));
        faces.responseComplete();
    }

    /** Our page as the browser reaches it (scheme and host of this request, so also behind a trusted proxy). */
    private String absolute(String page) {
        HttpServletRequest request = request();
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        return origin + request.getContextPath() + page;
    }
}
