package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.OidcSettings;
import io.fleetdashboard.auth.control.RedirectTarget;
import io.fleetdashboard.auth.control.StaticCredentials;
import io.fleetdashboard.auth.entity.SignInOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sign-in page: signs in through the container (see signIn), returns to the page asked for. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaticCredentials credentials;

    @Inject
    FacesContext faces;

    @Inject
    OidcSettings oidc;

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
        Object refusal = request.getAttribute(SingleSignOnServlet.REFUSAL);
        if (refusal != null) {
            // Forwarded by the single sign-on callback: why it did not sign in.
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.toString(), null));
        } else if (!credentials.configured() && !oidc.ssoEnabled()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, SignInOutcome.NOT_CONFIGURED_MESSAGE, null));
        } else if (signedOut) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "You are signed out.", null));
        } else if (expired) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your session ended. Please sign in again.", null));
        }
    }

    /**
     * Signs in through the container (SecurityContext.authenticate), so that Jakarta Security's remember-me sees the
     * sign-in; FleetAuthenticationMechanism checks the key, starts the session and leaves the outcome for the page.
     */
    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, key == null ? "" : key))
                        .rememberMe(keepSignedIn)
                        .newAuthentication(true));
        key = null;
        SignInOutcome outcome = (SignInOutcome) request.getAttribute(FleetAuthenticationMechanism.SIGN_IN_OUTCOME);
        if (outcome == null && request.getUserPrincipal() != null) {
            // A valid remember-me cookie signed this request in before the form was looked at: go on as that user.
            redirect(RedirectTarget.safe(next));
            return;
        }
        if (outcome == null || !outcome.succeeded()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    outcome == null ? SignInOutcome.failed().message() : outcome.message(), null));
            return;
        }
        redirect(RedirectTarget.safe(next));
    }

    private void redirect(String path) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        faces.responseComplete();
    }

    public boolean isSsoEnabled() {
        return oidc.ssoEnabled();
    }

    public boolean isStaticEnabled() {
        return oidc.staticEnabled();
    }

    /** The single sign-on start, returning to the same page afterwards. */
    public String getSsoUrl() {
        return faces.getExternalContext().getRequestContextPath() + SingleSignOnServlet.LOGIN + "?next="
                + URLEncoder.encode(RedirectTarget.safe(next), StandardCharsets.UTF_8);
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
