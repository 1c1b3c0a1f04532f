package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** The application's only identity store: the static user, who is an admin (and so also operator and viewer). */
@ApplicationScoped
public class StaticIdentityStore implements IdentityStore {

    static final Role STATIC_USER_ROLE = Role.ADMIN;

    @Inject
    StaticCredentials credentials;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && credentials.matches(login.getCaller(), login.getPasswordAsString())) {
            return new CredentialValidationResult(credentials.username(), STATIC_USER_ROLE.groupNames());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
