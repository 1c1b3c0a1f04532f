package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.ui.Sizes;
import java.io.Serializable;
import java.util.List;

/** One row of the Images table: an image id, its tags, and who uses it (JavaBean getters for EL). */
public final class ImageLine implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd").withZone(java.time.ZoneOffset.UTC);

    private final ImageUsage image;

    ImageLine(ImageUsage image) {
        this.image = image;
    }

    public String getId() {
        return image.id();
    }

    public String getShortId() {
        String hex = image.id() == null ? "" : image.id().replaceFirst("^sha256:", "");
        return hex.substring(0, Math.min(12, hex.length()));
    }

    public String getName() {
        return image.name();
    }

    public List<String> getTags() {
        return image.tags();
    }

    public boolean isDangling() {
        return image.dangling();
    }

    public boolean isUnused() {
        return image.unused();
    }

    public String getSize() {
        return Sizes.bytes(image.size());
    }

    public String getCreated() {
        return image.created() == null ? "" : DAY.format(image.created());
    }

    public int getRunning() {
        return image.running();
    }

    public int getContainers() {
        return image.containers();
    }

    public int getEndpoints() {
        return image.endpoints();
    }
}
