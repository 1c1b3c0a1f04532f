package io.fleetdashboard.insights.entity;

import io.fleetdashboard.portainer.entity.ImageFreshness;
import java.time.Instant;

/**
 * What Portainer said about a managed stack's images at {@code checkedAt}. {@code freshness} is null when it could not
 * be asked: {@code unsupported} (the server has no image status, Community Edition) or a failure in {@code message}.
 */
public record StackImageCheck(String stackKey, String environment, String endpointKey, String endpointName,
                              String stackName, ImageFreshness freshness, boolean unsupported, String message,
                              Instant checkedAt) {

    /** The one word the API and the pages show: outdated, updated, checking, skipped, failed, unknown, unsupported. */
    public String status() {
        if (unsupported) {
            return "unsupported";
        }
        return freshness == null ? "unknown" : freshness.apiName();
    }
}
