package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.ImageUsage;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Which images (one row per image id), in which order: shared by the Images page and its JSON and CSV twins.
 * environment and endpoint scope the census itself (copies, containers and running are counted there only);
 * search matches a tag or the id (contains, case-insensitive).
 *
 * @param endpoint an endpoint key, "environment:endpointId"
 * @param dangling null: any; true: only images without a tag
 * @param unused   null: any; true: only images no container uses; false: only images in use
 */
public record ImageUsageQuery(String search, String environment, String endpoint, Boolean dangling, Boolean unused,
                              Sort sort, boolean descending) implements Serializable {

    /** Every image, the most used first. */
    public static final ImageUsageQuery ALL = new ImageUsageQuery(null, null, null, null, null, Sort.CONTAINERS,
            true);

    public ImageUsageQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        sort = sort == null ? Sort.CONTAINERS : sort;
    }

    public ImageUsageQuery withSort(Sort by, boolean desc) {
        return new ImageUsageQuery(search, environment, endpoint, dangling, unused, by, desc);
    }

    public boolean matches(ImageUsage image) {
        return (dangling == null || image.dangling() == dangling)
                && (unused == null || image.unused() == unused)
                && Listing.matches(search, String.join(" ", image.tags()), image.id());
    }

    public Comparator<ImageUsage> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    /** Sort fields; the API spells them in lower case. Ties by name, then id, so pages are stable. */
    public enum Sort {
        NAME(Comparator.comparing(ImageUsage::name, Listing.TEXT)),
        SIZE(Comparator.comparingLong(ImageUsage::size)),
        CREATED(Comparator.comparing(ImageUsage::created, Comparator.nullsFirst(Comparator.naturalOrder()))),
        ENDPOINTS(Comparator.comparingInt(ImageUsage::endpoints)),
        CONTAINERS(Comparator.comparingInt(ImageUsage::containers)),
        RUNNING(Comparator.comparingInt(ImageUsage::running));

        private final Comparator<ImageUsage> order;

        Sort(Comparator<ImageUsage> order) {
            this.order = order.thenComparing(ImageUsage::name, Listing.TEXT).thenComparing(ImageUsage::id);
        }
    }
}
