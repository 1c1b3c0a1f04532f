package io.fleetdashboard.environments.entity;

import java.net.URI;

/**
 * How to reach one Portainer server: what the gateway needs, with the API key decrypted in memory only.
 *
 * @param name           the environment's id, a lowercase slug; it namespaces every endpoint and container id ("prod:12")
 * @param apiUrl         base URL ending in /api
 * @param timeoutSeconds the environment's own request timeout (PORTAINER_TIMEOUT); 0 means the gateway's defaults
 */
public record EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                    boolean simulated, int timeoutSeconds) {

    public EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                 boolean simulated) {
        this(name, displayName, apiUrl, apiKey, verifySsl, simulated, 0);
    }

    @Override
    public String toString() {
        return "EnvironmentConnection[name=" + name + ", apiUrl=" + apiUrl + ", apiKey=****, verifySsl=" + verifySsl
                + ", simulated=" + simulated + ", timeoutSeconds=" + timeoutSeconds + "]";
    }
}
