package io.fleetdashboard.portainer.entity;

import java.util.Locale;

/**
 * Whether a stack's images are the newest its registries have, as Portainer's image status says (docs/portainer.md):
 * OUTDATED (a newer image exists), UPDATED, CHECKING (Portainer is still asking: "processing" or "preparing"),
 * SKIPPED (Portainer did not check, e.g. images without a registry), FAILED (Portainer could not tell: "error"),
 * UNKNOWN (a word this version of ours does not know).
 */
public enum ImageFreshness {
    OUTDATED, UPDATED, CHECKING, SKIPPED, FAILED, UNKNOWN;

    public static ImageFreshness of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "outdated" -> OUTDATED;
            case "updated" -> UPDATED;
            case "processing", "preparing", "inprocess" -> CHECKING;
            case "skipped" -> SKIPPED;
            case "error" -> FAILED;
            default -> UNKNOWN;
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
