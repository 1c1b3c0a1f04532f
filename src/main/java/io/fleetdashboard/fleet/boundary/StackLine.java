package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.insights.entity.StackImageCheck;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** One row of the stacks table: a Portainer stack or a compose project Portainer does not manage. */
public final class StackLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private final FleetStack stack;
    private final List<String> images;
    private final StackImageCheck imageCheck;

    StackLine(FleetStack stack, List<String> images, StackImageCheck imageCheck) {
        this.stack = stack;
        this.images = images;
        this.imageCheck = imageCheck;
    }

    /**
     * Whether the stack's images are the registries' newest, as Portainer last said: "outdated", "up to date",
     * "checking", "skipped", "unknown" (failed or unsupported, see the note) or "not checked yet"; "–" for compose
     * projects Portainer does not manage (it has no status for them).
     */
    public String getImageStatus() {
        if (stack.external()) {
            return "–";
        }
        if (imageCheck == null) {
            return "not checked yet";
        }
        return switch (imageCheck.status()) {
            case "updated" -> "up to date";
            case "unsupported", "failed" -> "unknown";
            default -> imageCheck.status();
        };
    }

    public String getImageStatusSeverity() {
        return switch (getImageStatus()) {
            case "outdated" -> "warning";
            case "up to date" -> "success";
            default -> "secondary";
        };
    }

    /** Why, and when Portainer was asked (the cell's title). */
    public String getImageStatusNote() {
        if (imageCheck == null) {
            return stack.external() ? "Portainer has no image status for compose projects it does not manage"
                    : "Asked in the next monitoring round";
        }
        String message = imageCheck.message() == null || imageCheck.message().isBlank() ? ""
                : imageCheck.message() + " · ";
        return message + "asked " + TIME.format(imageCheck.checkedAt()) + " UTC";
    }

    public String getKey() {
        return stack.key();
    }

    public String getName() {
        return stack.name();
    }

    public String getEndpointName() {
        return stack.endpointName();
    }

    public String getEndpointKey() {
        return stack.endpointKey();
    }

    public String getEnvironment() {
        return stack.environment();
    }

    public boolean isExternal() {
        return stack.external();
    }

    /** "Portainer #12" or "Compose (not in Portainer)". */
    public String getManagedBy() {
        return stack.external() ? "Compose (not in Portainer)" : "Portainer #" + stack.portainerId();
    }

    public String getType() {
        String type = stack.type().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    public String getStatus() {
        return stack.active() ? "active" : "inactive";
    }

    public String getStatusSeverity() {
        return stack.active() ? "success" : "secondary";
    }

    public int getRunning() {
        return stack.running();
    }

    public int getContainers() {
        return stack.containers();
    }

    /** Portainer's creation time of a managed stack, "" for compose projects it does not manage. */
    public String getCreated() {
        return stack.created() == null ? "" : TIME.format(stack.created());
    }

    /** Portainer's last update, "never" for a managed stack never updated. */
    public String getUpdated() {
        if (stack.updated() != null) {
            return TIME.format(stack.updated());
        }
        return stack.external() ? "" : "never";
    }

    public List<String> getImages() {
        return images;
    }
}
