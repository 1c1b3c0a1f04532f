package io.fleetdashboard.environments.entity;

/** Where an environment was defined: environment variables (re-imported at every start) or the settings page. */
public enum EnvironmentSource {
    ENV, UI
}
