package io.fleetdashboard.portainer.entity;

/**
 * What testing a connection to a Portainer server found: its version and endpoint count when it worked, else why
 * not.
 *
 * @param reason    null when it worked; else dns, refused, tls, ca_bundle, unauthorized, forbidden, timeout,
 *                  malformed, server_error or unavailable
 * @param message   a sentence for people: what was found, or what failed and what to check (never the key)
 * @param latencyMs how long GET /api/system/status took (the whole test when it failed)
 * @param endpoints how many endpoints the key sees; null when the test failed
 */
public record ConnectionProbe(boolean ok, String version, String instanceId, Integer endpoints, long latencyMs,
                              String reason, String message) {
}
