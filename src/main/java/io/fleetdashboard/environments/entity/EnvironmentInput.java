package io.fleetdashboard.environments.entity;

/**
 * What an administrator entered for an environment (API body or the environments page). Null fields: not given
 * (a change keeps the stored value, a new environment takes the default). The key is write-only: blank keeps the
 * stored one, and it is never returned.
 */
public record EnvironmentInput(String name, String displayName, String apiUrl, String apiKey, Boolean verifySsl,
                               Integer timeoutSeconds, Integer connectTimeoutSeconds, Integer maxConcurrency,
                               String caBundle, Boolean enabled) {

    @Override
    public String toString() {
        return "EnvironmentInput[name=" + name + ", apiUrl=" + apiUrl + ", apiKey=" + (apiKey == null ? "none" : "****")
                + "]";
    }
}
