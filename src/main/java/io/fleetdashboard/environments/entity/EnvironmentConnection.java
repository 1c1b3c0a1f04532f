package io.fleetdashboard.environments.entity;

import java.net.URI;

/**
 * How to reach one Portainer server: what the gateway needs, with the API key decrypted in memory only.
 *
 * @param name   the environment's id, a lowercase slug; it namespaces every endpoint and container id ("prod:12")
 * @param apiUrl base URL ending in /api
 */
public record EnvironmentConnection(String name, String displayName, URI apiUrl, String apiKey, boolean verifySsl,
                                    boolean simulated) {

    @Override
    public String toString() {
        return "EnvironmentConnection[name=" + name + ", apiUrl=" + apiUrl + ", apiKey=****, verifySsl=" + verifySsl
                + ", simulated=" + simulated + "]";
    }
}
