package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetImage;
import java.util.Comparator;

/**
 * Which image copies (one per endpoint), in which order. search matches a tag or the id (contains).
 *
 * @param dangling null: any
 */
public record ImageQuery(String search, String environment, String endpoint, Boolean dangling, Sort sort,
                         boolean descending) {

    public ImageQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        sort = sort == null ? Sort.SIZE : sort;
    }

    public boolean matches(FleetImage i) {
        return (environment == null || environment.equals(i.environment()))
                && (endpoint == null || endpoint.equals(i.endpointKey()))
                && (dangling == null || i.image().dangling() == dangling)
                && Listing.matches(search, String.join(" ", i.image().tags()), i.image().id());
    }

    public Comparator<FleetImage> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    public enum Sort {
        SIZE(Comparator.comparingLong((FleetImage i) -> i.image().size())),
        NAME(Comparator.comparing((FleetImage i) -> i.image().tags().isEmpty() ? null : i.image().tags().get(0),
                Listing.TEXT)),
        CREATED(Comparator.comparing((FleetImage i) -> i.image().created(),
                Comparator.nullsLast(Comparator.naturalOrder())));

        private final Comparator<FleetImage> order;

        Sort(Comparator<FleetImage> order) {
            this.order = order.thenComparing(FleetImage::endpointKey).thenComparing(i -> i.image().id());
        }
    }
}
