package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Translates list query parameters into filters and orders over the snapshot; shared by the list resources. */
@ApplicationScoped
public class FleetLists {

    private static final Comparator<String> TEXT = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

    private enum Status { ONLINE, OFFLINE }

    Page<Views.Endpoint> endpoints(FleetSnapshot snapshot, EndpointFilter f, Paging paging) {
        Status status = QueryParams.enumParam("status", f.status, Status.class, null);
        Map<String, Comparator<FleetEndpoint>> sorts = new LinkedHashMap<>();
        sorts.put("environment", Comparator.comparing(FleetEndpoint::environment, TEXT)
                .thenComparing(FleetEndpoint::name, TEXT));
        sorts.put("name", Comparator.comparing(FleetEndpoint::name, TEXT));
        sorts.put("status", Comparator.comparing(FleetEndpoint::online).thenComparing(FleetEndpoint::name, TEXT));
        sorts.put("containers", Comparator.comparingInt(FleetEndpoint::containers));
        return Listing.page(snapshot.endpoints(),
                e -> same(f.environment, e.environment())
                        && (status == null || e.online() == (status == Status.ONLINE))
                        && Listing.matches(f.search, e.name(), e.endpoint().url()),
                paging.order(sorts), paging.offset(), paging.limit(), Views.Endpoint::of);
    }

    Page<Views.ContainerRow> containers(FleetSnapshot snapshot, ContainerFilter f, Paging paging) {
        ContainerState state = QueryParams.enumParam("state", f.state, ContainerState.class, null);
        ContainerHealth health = QueryParams.enumParam("health", f.health, ContainerHealth.class, null);
        Map<String, Comparator<FleetContainer>> sorts = new LinkedHashMap<>();
        sorts.put("name", Comparator.comparing((FleetContainer c) -> c.container().name(), TEXT)
                .thenComparing(FleetContainer::key));
        sorts.put("state", Comparator.comparing((FleetContainer c) -> c.container().state())
                .thenComparing(c -> c.container().name(), TEXT));
        sorts.put("endpoint", Comparator.comparing(FleetContainer::endpointName, TEXT)
                .thenComparing(c -> c.container().name(), TEXT));
        sorts.put("image", Comparator.comparing((FleetContainer c) -> c.container().image(), TEXT));
        sorts.put("created", Comparator.comparing((FleetContainer c) -> c.container().created(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return Listing.page(snapshot.containers(),
                c -> same(f.environment, c.environment()) && same(f.endpoint, c.endpointKey())
                        && (state == null || c.container().state() == state)
                        && (health == null || c.container().health() == health)
                        && (f.stack == null || f.stack.isBlank() || f.stack.equals(c.container().composeProject()))
                        && Listing.matches(f.search, c.container().name(), c.container().image()),
                paging.order(sorts), paging.offset(), paging.limit(), Views.ContainerRow::of);
    }

    Page<Views.StackRow> stacks(FleetSnapshot snapshot, StackFilter f, Paging paging) {
        Map<String, Comparator<FleetStack>> sorts = new LinkedHashMap<>();
        sorts.put("name", Comparator.comparing(FleetStack::name, TEXT).thenComparing(FleetStack::key));
        sorts.put("endpoint", Comparator.comparing(FleetStack::endpointName, TEXT)
                .thenComparing(FleetStack::name, TEXT));
        sorts.put("containers", Comparator.comparingInt(FleetStack::containers));
        return Listing.page(snapshot.stacks(),
                s -> same(f.environment, s.environment()) && same(f.endpoint, s.endpointKey())
                        && Listing.matches(f.search, s.name()),
                paging.order(sorts), paging.offset(), paging.limit(), Views.StackRow::of);
    }

    Page<Views.ImageRow> images(FleetSnapshot snapshot, ImageFilter f, Paging paging) {
        Boolean dangling = QueryParams.booleanParam("dangling", f.dangling, null);
        Map<String, Comparator<FleetImage>> sorts = new LinkedHashMap<>();
        sorts.put("size", Comparator.comparingLong((FleetImage i) -> i.image().size()));
        sorts.put("name", Comparator.comparing((FleetImage i) -> i.image().tags().isEmpty() ? null
                : i.image().tags().get(0), TEXT));
        sorts.put("created", Comparator.comparing((FleetImage i) -> i.image().created(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return Listing.page(snapshot.images(),
                i -> same(f.environment, i.environment()) && same(f.endpoint, i.endpointKey())
                        && (dangling == null || i.image().dangling() == dangling)
                        && Listing.matches(f.search, String.join(" ", i.image().tags()), i.image().id()),
                paging.order(sorts), paging.offset(), paging.limit(), Views.ImageRow::of);
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || Objects.equals(wanted.trim(), actual);
    }
}
