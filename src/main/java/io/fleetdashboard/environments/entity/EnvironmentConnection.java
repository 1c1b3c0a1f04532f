package io.fleetdashboard.environments.entity;

import java.net.URI;

/**
 * How to reach one Portainer server: what the gateway needs, with the API key decrypted in memory only.
 *
 * @param name                  the environment's id, a lowercase slug; it namespaces every endpoint and container id
 *                              ("prod:12")
 * @param apiUrl                base URL ending in /api
 * @param timeoutSeconds        the environment's own request timeout (PORTAINER_TIMEOUT); 0 means the gateway's
 *                              defaults
 * @param caBundle              PEM certificates trusted for TLS instead of the JVM's, or null
 * @param connectTimeoutSeconds 0: the gateway's default
 * @param maxConcurrency        calls in flight during a refresh; 0: the server-wide limit
 */
public record EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                    boolean simulated, int timeoutSeconds, String caBundle,
                                    int connectTimeoutSeconds, int maxConcurrency) {

    public EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                 boolean simulated, int timeoutSeconds) {
        this(name, displayName, apiUrl, apiKey, verifySsl, simulated, timeoutSeconds, null, 0, 0);
    }

    public EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                 boolean simulated) {
        this(name, displayName, apiUrl, apiKey, verifySsl, simulated, 0);
    }

    @Override
    public String toString() {
        return "EnvironmentConnection[name=" + name + ", apiUrl=" + apiUrl + ", apiKey=****, verifySsl=" + verifySsl
                + ", simulated=" + simulated + ", timeoutSeconds=" + timeoutSeconds + ", caBundle="
                + (caBundle == null ? "none" : "PEM") + ", connectTimeoutSeconds=" + connectTimeoutSeconds
                + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
