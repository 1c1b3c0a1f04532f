package io.fleetdashboard.environments.entity;

/** What the API and pages may show about an environment: everything but the key. source is ENV, UI or SIMULATOR. */
public record EnvironmentSummary(String name, String displayName, String apiUrl, boolean verifySsl, String source,
                                 boolean enabled, boolean simulated) {
}
