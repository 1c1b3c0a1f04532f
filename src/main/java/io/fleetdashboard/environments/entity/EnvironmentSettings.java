package io.fleetdashboard.environments.entity;

/**
 * An environment as configured (environment variables or the settings form), with the plain API key: the input of
 * the store, never persisted as such.
 *
 * @param name   lowercase slug
 * @param apiUrl normalised: no trailing slash, ends in /api
 */
public record EnvironmentSettings(String name, String displayName, String apiUrl, String apiKey, boolean verifySsl,
                                  int timeoutSeconds) {

    @Override
    public String toString() {
        return "EnvironmentSettings[name=" + name + ", displayName=" + displayName + ", apiUrl=" + apiUrl
                + ", apiKey=****, verifySsl=" + verifySsl + ", timeoutSeconds=" + timeoutSeconds + "]";
    }
}
