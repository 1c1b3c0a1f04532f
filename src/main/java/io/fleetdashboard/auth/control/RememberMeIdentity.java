package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import java.util.Set;

/**
 * Jakarta Security's remember-me store over RememberMeTokens: the container calls it for the cookie that
 * FleetAuthenticationMechanism's @RememberMe names (validate on each request that carries it, generate after a
 * sign-in with "keep me signed in", remove on sign-out).
 */
@ApplicationScoped
public class RememberMeIdentity implements RememberMeIdentityStore {

    @Inject
    RememberMeTokens tokens;

    @Override
    public CredentialValidationResult validate(RememberMeCredential credential) {
        return tokens.validate(credential.getToken())
                .map(issued -> new CredentialValidationResult(issued.username(), issued.role().groupNames()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public String generateLoginToken(CallerPrincipal caller, Set<String> groups) {
        return tokens.issue(caller.getName())
                .orElseThrow(() -> new IllegalStateException("No such user to keep signed in"));
    }

    @Override
    public void removeLoginToken(String token) {
        tokens.revoke(token);
    }
}
