package io.fleetdashboard.environments.entity;

import java.time.Instant;

/**
 * What the API and pages may show about an environment: everything but the key. source is ENV, UI, SIMULATOR or
 * RUN (stand-ins of this run).
 *
 * @param timeoutSeconds        request timeout
 * @param connectTimeoutSeconds 0: the server-wide default
 * @param maxConcurrency        0: the server-wide default
 * @param caBundle              true when a CA bundle (PEM) is trusted for this server instead of the JVM's
 * @param updatedAt             last change of its settings (null for stand-ins)
 * @param origin                where it is defined, for people: the environment variables that hold it, the
 *                              environments page, or the built-in simulator
 */
public record EnvironmentSummary(String name, String displayName, String apiUrl, boolean verifySsl, String source,
                                 boolean enabled, boolean simulated, int timeoutSeconds, int connectTimeoutSeconds,
                                 int maxConcurrency, boolean caBundle, Instant updatedAt,
                                 String origin) {
}
