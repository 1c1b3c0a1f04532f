package io.fleetdashboard.auth.control;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sign-ins, refused sign-ins, sign-outs and forced sign-outs in the audit log (actions auth.sign-in, auth.sign-out,
 * auth.session-end). A refused attempt names the user only when it is a known user: a name typed into the wrong
 * field is sometimes a password.
 */
@ApplicationScoped
public class SignInAudit {

    @Inject
    AuditLog audit;

    @Inject
    StaticCredentials credentials;

    public void signedIn(SignedInUser user) {
        audit.record(user.getUsername(), user.getRole().groupName(), "auth.sign-in", user.getSignInId(),
                user.getMethod().label(), AuditResult.SUCCESS, 0, from(user.getAddress()));
    }

    /** A refused key sign-in (form or HTTP Basic). */
    public void refused(String typedName, String how, String address, String why) {
        String user = typedName != null && credentials.role(typedName).isPresent() ? typedName : null;
        audit.record(user, null, "auth.sign-in", null, how, AuditResult.DENIED, 0, why + "; " + from(address));
    }

    /** A refused single sign-on: the provider's user when the token was valid, else unknown. */
    public void refusedSso(String username, String address, String why) {
        audit.record(username, null, "auth.sign-in", null, "Single sign-on", AuditResult.DENIED, 0, why + "; " + from(address));
    }

    public void signedOut(SignedInUser user, String address) {
        audit.record(user.getUsername(), user.getRole().groupName(), "auth.sign-out", user.getSignInId(),
                user.getMethod().label(), AuditResult.SUCCESS, 0, from(address));
    }

    /** An administrator ended someone's session. */
    public void ended(String admin, String adminRole, SignedInUser ended, boolean found, String address) {
        audit.record(admin, adminRole, "auth.session-end", ended == null ? null : ended.getSignInId(),
                ended == null ? null : ended.getUsername(), found ? AuditResult.SUCCESS : AuditResult.NO_CHANGE, 0,
                (found ? "Session ended and its kept sign-ins revoked" : "No such session") + "; " + from(address));
    }

    private static String from(String address) {
        return "from " + (address == null ? "unknown address" : address);
    }
}
