package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.RedirectTarget;
import io.fleetdashboard.auth.control.SessionPolicy;
import io.fleetdashboard.auth.control.SignIn;
import io.fleetdashboard.auth.control.StaticCredentials;
import io.fleetdashboard.auth.entity.SignInOutcome;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in page: checks the key through SignIn, starts the session, returns to the page asked for. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SignIn signIn;

    @Inject
    SessionPolicy sessionPolicy;

    @Inject
    StaticCredentials credentials;

    @Inject
    FacesContext faces;

    private String username;
    private String key;
    private boolean keepSignedIn;
    private String next;
    private boolean expired;
    private boolean signedOut;

    /** On GET: someone already signed in goes straight on; otherwise say why they are here. */
    public void onLoad() throws IOException {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (Sessions.user(request) != null) {
            redirect(RedirectTarget.safe(next));
            return;
        }
        if (!credentials.configured()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, SignInOutcome.NOT_CONFIGURED_MESSAGE, null));
        } else if (signedOut) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "You are signed out.", null));
        } else if (expired) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your session ended. Please sign in again.", null));
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SignInOutcome outcome = signIn.attempt(username, key, request.getRemoteAddr());
        key = null;
        if (!outcome.succeeded()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, outcome.message(), null));
            return;
        }
        SignedInUser user = new SignedInUser(outcome.username(), outcome.role(), keepSignedIn,
                sessionPolicy.timeoutSeconds(keepSignedIn), System.currentTimeMillis());
        Sessions.start(request, (HttpServletResponse) external.getResponse(), user);
        redirect(RedirectTarget.safe(next));
    }

    private void redirect(String path) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        faces.responseComplete();
    }

    public String getSignInPage() {
        return AccessPolicy.SIGN_IN_PAGE;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public boolean isKeepSignedIn() {
        return keepSignedIn;
    }

    public void setKeepSignedIn(boolean keepSignedIn) {
        this.keepSignedIn = keepSignedIn;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }
}
