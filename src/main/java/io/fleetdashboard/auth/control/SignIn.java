package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignInOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.logging.Logger;

/** One credential check for both the sign-in page and HTTP Basic: throttle, identity store, metrics. */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    @Inject
    StaticCredentials credentials;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuthMetrics metrics;

    public SignInOutcome attempt(String username, String key, String address) {
        if (!credentials.configured()) {
            return SignInOutcome.notConfigured();
        }
        long wait = throttle.secondsLocked(username, address);
        if (wait > 0) {
            metrics.locked();
            return SignInOutcome.locked(wait);
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(username == null ? "" : username, key == null ? "" : key));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username, address);
            metrics.succeeded();
            return SignInOutcome.success(result.getCallerPrincipal().getName(), Role.highestOf(result.getCallerGroups()));
        }
        throttle.failed(username, address);
        metrics.failed();
        // The address only: user names typed by mistake are sometimes passwords.
        LOG.info(() -> "Failed sign-in from " + address);
        return SignInOutcome.failed();
    }
}
