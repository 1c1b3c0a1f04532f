package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.EndpointStates;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.fleet.entity.UnusedImages;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the typed queries over a snapshot: the one place where lists are filtered, sorted and paged, for the JSON
 * API, the CSV exports and the pages' lazy tables alike. Reads only the snapshot; never calls Portainer.
 */
@ApplicationScoped
public class FleetQueries {

    public Page<FleetContainer> containers(FleetSnapshot snapshot, ContainerQuery query, int offset, int limit) {
        return Listing.page(containers(snapshot, query), offset, limit);
    }

    /**
     * Every matching container in order: references into the snapshot, so an export holds no copies. The current
     * snapshot's sort orders are kept ({@link ContainerOrders}), so this is one filtering pass, not a sort.
     */
    public List<FleetContainer> containers(FleetSnapshot snapshot, ContainerQuery query) {
        if (query.keepsAll()) {
            return orders(snapshot).in(query.sort(), query.descending());
        }
        return matching.get(snapshot, query);
    }

    /**
     * Queries asked again of the same snapshot (a page re-rendered, the next page, the count and the rows, the
     * API and the page) reuse the filtered list: a search over 50,000 containers is one pass per snapshot and query,
     * not one per request. Each answer holds only references into the snapshot.
     */
    static final int QUERIES_REMEMBERED = 16;

    private final SnapshotMemo<ContainerQuery, List<FleetContainer>> matching = new SnapshotMemo<>(
            QUERIES_REMEMBERED, (snapshot, query) -> {
                List<FleetContainer> found = new ArrayList<>();
                for (FleetContainer c : orders(snapshot).in(query.sort(), query.descending())) {
                    if (query.matches(c)) {
                        found.add(c);
                    }
                }
                return Collections.unmodifiableList(found);
            });

    /** The sort orders of the snapshot last asked for (the current one, nearly always). */
    private volatile ContainerOrders orders;

    private ContainerOrders orders(FleetSnapshot snapshot) {
        ContainerOrders known = orders;
        if (known == null || !known.of(snapshot)) {
            known = new ContainerOrders(snapshot);
            orders = known;
        }
        return known;
    }

    public Page<FleetContainer> containerHealth(FleetSnapshot snapshot, HealthQuery query, int offset, int limit) {
        return Listing.page(containerHealth(snapshot, query), offset, limit);
    }

    /** Every container the health query matches, in its order (references into the snapshot). */
    public List<FleetContainer> containerHealth(FleetSnapshot snapshot, HealthQuery query) {
        var facts = snapshot.inspections();
        return Listing.sorted(snapshot.containers(), c -> query.matches(c, facts), query.comparator(facts));
    }

    /**
     * Running containers by the state of their health check (healthy, unhealthy, starting, none = no health
     * check), every state present in that order: health checks run only while a container runs.
     */
    public Map<ContainerHealth, Integer> healthOfRunning(FleetSnapshot snapshot) {
        Map<ContainerHealth, Integer> tally = new EnumMap<>(ContainerHealth.class);
        for (ContainerHealth health : ContainerHealth.values()) {
            tally.put(health, 0);
        }
        for (FleetContainer c : snapshot.containers()) {
            if (c.container().state() == ContainerState.RUNNING) {
                tally.merge(c.container().health(), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(tally);
    }

    public Page<FleetEndpoint> endpoints(FleetSnapshot snapshot, EndpointQuery query, int offset, int limit) {
        return Listing.page(endpoints(snapshot, query), offset, limit);
    }

    /** Every matching endpoint in order. */
    public List<FleetEndpoint> endpoints(FleetSnapshot snapshot, EndpointQuery query) {
        return Listing.sorted(snapshot.endpoints(), query::matches, query.comparator());
    }

    public Page<FleetStack> stacks(FleetSnapshot snapshot, StackQuery query, int offset, int limit) {
        return Listing.page(stacks(snapshot, query), offset, limit);
    }

    /** Every matching stack in order. */
    public List<FleetStack> stacks(FleetSnapshot snapshot, StackQuery query) {
        return Listing.sorted(snapshot.stacks(), query::matches, query.comparator());
    }

    /** The distinct images (short names, sorted) of a stack's containers, from one index per snapshot. */
    public List<String> stackImages(FleetSnapshot snapshot, FleetStack stack) {
        return stackImages.get(snapshot, null).getOrDefault(stack.endpointKey() + ":" + stack.name(), List.of());
    }

    private final SnapshotMemo<Void, Map<String, List<String>>> stackImages = new SnapshotMemo<>((snapshot, none) -> {
        Map<String, java.util.SortedSet<String>> images = new HashMap<>();
        for (FleetContainer c : snapshot.containers()) {
            String project = c.container().composeProject();
            if (project != null && !project.isBlank()) {
                images.computeIfAbsent(c.endpointKey() + ":" + project, k -> new java.util.TreeSet<>())
                        .add(c.container().image() == null ? "" : c.container().image());
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        images.forEach((key, set) -> result.put(key, List.copyOf(set)));
        return result;
    });

    /**
     * One row per image id over the endpoints in the query's scope, with the endpoints storing it and the
     * containers using it; computed once per snapshot and scope, however many pages are read.
     */
    public Page<ImageUsage> imageUsage(FleetSnapshot snapshot, ImageUsageQuery query, int offset, int limit) {
        return Listing.page(imageUsage(snapshot, query), offset, limit);
    }

    /** Every matching image in order. */
    public List<ImageUsage> imageUsage(FleetSnapshot snapshot, ImageUsageQuery query) {
        return Listing.sorted(census.get(snapshot, new Scope(query.environment(), query.endpoint())),
                query::matches, query.comparator());
    }

    /** Per endpoint (of one environment, or all): images no container uses and their size, most first. */
    public List<UnusedImages> unusedImages(FleetSnapshot snapshot, String environment) {
        return unused.get(snapshot, Listing.blankToNull(environment));
    }

    private record Scope(String environment, String endpoint) {
    }

    private final SnapshotMemo<Scope, List<ImageUsage>> census = new SnapshotMemo<>(
            (snapshot, scope) -> ImageCensus.of(snapshot, scope.environment(), scope.endpoint()));

    private final SnapshotMemo<String, List<UnusedImages>> unused = new SnapshotMemo<>(ImageCensus::unused);

    public Page<FleetImage> images(FleetSnapshot snapshot, ImageQuery query, int offset, int limit) {
        return Listing.page(Listing.sorted(snapshot.images(), query::matches, query.comparator()), offset, limit);
    }

    /**
     * The matching containers per endpoint and state, the {@code top} endpoints with the most containers first
     * (ties by name), the rest grouped into one last "others" entry (only when there are any).
     */
    public List<EndpointStates> statesPerEndpoint(FleetSnapshot snapshot, ContainerQuery query, int top) {
        // the order does not change the tally: one answer per filter, computed from the (remembered) matches
        return bars.get(snapshot, new Bars(query.withSort(ContainerQuery.Sort.NAME, false), top));
    }

    private record Bars(ContainerQuery query, int top) {
    }

    private final SnapshotMemo<Bars, List<EndpointStates>> bars = new SnapshotMemo<>(QUERIES_REMEMBERED,
            (snapshot, b) -> statesPerEndpoint(containers(snapshot, b.query()), b.top()));

    private static List<EndpointStates> statesPerEndpoint(List<FleetContainer> matching, int top) {
        Map<String, Map<ContainerState, Integer>> tallies = new LinkedHashMap<>();
        Map<String, FleetContainer> anyOf = new HashMap<>();
        for (FleetContainer c : matching) {
            tallies.computeIfAbsent(c.endpointKey(), k -> new EnumMap<>(ContainerState.class))
                    .merge(c.container().state(), 1, Integer::sum);
            anyOf.putIfAbsent(c.endpointKey(), c);
        }
        List<EndpointStates> bars = new ArrayList<>();
        tallies.forEach((key, states) -> {
            FleetContainer c = anyOf.get(key);
            bars.add(new EndpointStates(key, c.endpointName(), c.environment(), 1,
                    Collections.unmodifiableMap(states), states.values().stream().mapToInt(Integer::intValue).sum()));
        });
        bars.sort(Comparator.comparingInt(EndpointStates::total).reversed()
                .thenComparing(EndpointStates::endpointName, Listing.TEXT).thenComparing(EndpointStates::endpointKey));
        if (bars.size() <= top) {
            return List.copyOf(bars);
        }
        Map<ContainerState, Integer> rest = new EnumMap<>(ContainerState.class);
        List<EndpointStates> beyond = bars.subList(top, bars.size());
        beyond.forEach(b -> b.states().forEach((state, n) -> rest.merge(state, n, Integer::sum)));
        EndpointStates others = new EndpointStates(null, "others", null, beyond.size(),
                Collections.unmodifiableMap(rest), beyond.stream().mapToInt(EndpointStates::total).sum());
        List<EndpointStates> result = new ArrayList<>(bars.subList(0, top));
        result.add(others);
        return List.copyOf(result);
    }
}
