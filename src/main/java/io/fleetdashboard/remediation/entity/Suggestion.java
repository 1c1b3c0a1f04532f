package io.fleetdashboard.remediation.entity;

import io.fleetdashboard.portainer.entity.ContainerAction;

/** What an insight suggests doing to its container, and why. */
public record Suggestion(ContainerAction action, String rationale) {
}
