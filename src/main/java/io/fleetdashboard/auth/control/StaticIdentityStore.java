package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The identity store of the static users (admin, and the optional operator and viewer): each gets its role and
 * every role below it as groups (an admin is also operator and viewer).
 */
@ApplicationScoped
public class StaticIdentityStore implements IdentityStore {

    @Inject
    StaticCredentials credentials;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            return credentials.match(login.getCaller(), login.getPasswordAsString())
                    .map(m -> new CredentialValidationResult(m.username(), m.role().groupNames()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
