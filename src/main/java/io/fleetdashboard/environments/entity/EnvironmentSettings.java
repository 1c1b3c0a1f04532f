package io.fleetdashboard.environments.entity;

/**
 * An environment as configured (environment variables or the environments page), with the plain API key: the input
 * of the store, never persisted as such.
 *
 * @param name                  lowercase slug
 * @param apiUrl                normalised: no trailing slash, ends in /api
 * @param apiKey                null or blank: keep the stored one
 * @param caBundle              PEM certificates trusted instead of the JVM's, or null
 * @param connectTimeoutSeconds 0: the server-wide default
 * @param maxConcurrency        0: the server-wide default
 */
public record EnvironmentSettings(String name, String displayName, String apiUrl, String apiKey, boolean verifySsl,
                                  int timeoutSeconds, String caBundle, int connectTimeoutSeconds,
                                  int maxConcurrency) {

    /** As the environment variables define one: no CA bundle, server-wide connect timeout and concurrency. */
    public EnvironmentSettings(String name, String displayName, String apiUrl, String apiKey, boolean verifySsl,
                               int timeoutSeconds) {
        this(name, displayName, apiUrl, apiKey, verifySsl, timeoutSeconds, null, 0, 0);
    }

    @Override
    public String toString() {
        return "EnvironmentSettings[name=" + name + ", displayName=" + displayName + ", apiUrl=" + apiUrl
                + ", apiKey=****, verifySsl=" + verifySsl + ", timeoutSeconds=" + timeoutSeconds + ", caBundle="
                + (caBundle == null ? "none" : "PEM") + ", connectTimeoutSeconds=" + connectTimeoutSeconds
                + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
