package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.AgeHistogram;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.Tally;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The figures behind the pages' charts, counted over the snapshot (optionally one environment): rankings with their
 * top entries, a two-level breakdown for treemaps, an age histogram. Reads only the snapshot.
 */
public final class FleetTallies {

    /** The label of the entry that groups everything beyond the top ones. */
    public static final String OTHERS = "others";

    private FleetTallies() {
    }

    /** The top entries by count (ties by label), without the rest. Zero counts are left out. */
    public static <T> List<Tally> top(List<T> items, Function<T, String> label, ToLongFunction<T> count, int top) {
        return items.stream().map(i -> new Tally(label.apply(i), count.applyAsLong(i))).filter(t -> t.count() > 0)
                .sorted(BY_COUNT).limit(top).toList();
    }

    /** Counts the items per label, the top ones first, the rest summed into one last {@link #OTHERS} entry. */
    public static <T> List<Tally> countBy(Iterable<T> items, Predicate<T> filter, Function<T, String> label,
                                          int top) {
        Map<String, Long> counts = new HashMap<>();
        for (T item : items) {
            if (filter.test(item)) {
                counts.merge(label.apply(item), 1L, Long::sum);
            }
        }
        return ranked(counts, top);
    }

    private static final Comparator<Tally> BY_COUNT = Comparator.comparingLong(Tally::count).reversed()
            .thenComparing(Tally::label, Listing.TEXT);

    static List<Tally> ranked(Map<String, Long> counts, int top) {
        List<Tally> all = counts.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()))
                .sorted(BY_COUNT).toList();
        if (all.size() <= top) {
            return all;
        }
        List<Tally> result = new ArrayList<>(all.subList(0, top));
        result.add(new Tally(OTHERS, all.subList(top, all.size()).stream().mapToLong(Tally::count).sum()));
        return List.copyOf(result);
    }

    /** Endpoints online and offline (by heartbeat for edge agents, Portainer's status for the others). */
    public static List<Tally> endpointHealth(FleetSnapshot snapshot, String environment) {
        long online = 0, offline = 0;
        for (FleetEndpoint e : snapshot.endpoints()) {
            if (in(environment, e.environment())) {
                if (e.online()) {
                    online++;
                } else {
                    offline++;
                }
            }
        }
        return List.of(new Tally("Online", online), new Tally("Offline", offline));
    }

    /** Running containers per endpoint, the top ones. */
    public static List<Tally> runningPerEndpoint(FleetSnapshot snapshot, String environment, int top) {
        return top(snapshot.endpoints().stream().filter(e -> in(environment, e.environment())).toList(),
                FleetTallies::endpointLabel, FleetEndpoint::running, top);
    }

    /** Stacks (Portainer's and other compose projects) per endpoint, the top ones. */
    public static List<Tally> stacksPerEndpoint(FleetSnapshot snapshot, String environment, int top) {
        Map<String, Long> counts = new HashMap<>();
        for (FleetStack s : snapshot.stacks()) {
            if (in(environment, s.environment())) {
                counts.merge(s.endpointName() + " (" + s.environment() + ")", 1L, Long::sum);
            }
        }
        return ranked(counts, top).stream().filter(t -> !t.label().equals(OTHERS)).toList();
    }

    /** Running containers per image (its short name: the last path segment), the top ones. */
    public static List<Tally> runningImages(FleetSnapshot snapshot, String environment, int top) {
        return countBy(snapshot.containers(), c -> running(c, environment), c -> shortImage(c.container().image()),
                top).stream().filter(t -> !t.label().equals(OTHERS)).toList();
    }

    /**
     * Running containers by endpoint, then by short image name: the top endpoints (by running containers), each with
     * its top images and the rest as {@link #OTHERS}; endpoints beyond the top ones are left out.
     */
    public static Map<String, List<Tally>> runningByEndpointAndImage(FleetSnapshot snapshot, String environment,
                                                                     int topEndpoints, int topImages) {
        Map<String, Map<String, Long>> byEndpoint = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (FleetContainer c : snapshot.containers()) {
            if (running(c, environment)) {
                byEndpoint.computeIfAbsent(c.endpointKey(), k -> new HashMap<>())
                        .merge(shortImage(c.container().image()), 1L, Long::sum);
                labels.putIfAbsent(c.endpointKey(), c.endpointName() + " (" + c.environment() + ")");
            }
        }
        Map<String, Long> totals = new HashMap<>();
        byEndpoint.forEach((key, images) -> totals.put(key, images.values().stream().mapToLong(Long::longValue)
                .sum()));
        Map<String, List<Tally>> result = new LinkedHashMap<>();
        totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(e -> labels.get(e.getKey()), Listing.TEXT))
                .limit(topEndpoints)
                .forEach(e -> result.put(labels.get(e.getKey()), ranked(byEndpoint.get(e.getKey()), topImages)));
        return result;
    }

    /** The age of running containers in days since creation, in equal bins (at least one day wide). */
    public static AgeHistogram runningAge(FleetSnapshot snapshot, String environment, Instant now, int bins) {
        double[] ages = snapshot.containers().stream()
                .filter(c -> running(c, environment) && c.container().created() != null)
                .mapToDouble(c -> Math.max(0, Duration.between(c.container().created(), now).toSeconds() / 86400.0))
                .sorted().toArray();
        if (ages.length == 0) {
            return AgeHistogram.EMPTY;
        }
        double oldest = ages[ages.length - 1];
        int width = Math.max(1, (int) Math.ceil(oldest / bins));
        int used = Math.min(bins, (int) Math.floor(oldest / width) + 1);
        long[] counts = new long[used];
        for (double age : ages) {
            counts[Math.min(used - 1, (int) (age / width))]++;
        }
        List<Tally> result = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            result.add(new Tally(i * width + "-" + (i + 1) * width + " d", counts[i]));
        }
        double median = ages.length % 2 == 1 ? ages[ages.length / 2]
                : (ages[ages.length / 2 - 1] + ages[ages.length / 2]) / 2;
        return new AgeHistogram(List.copyOf(result), ages.length, median, oldest, ages[0]);
    }

    /**
     * The bytes the images take on the endpoints (size × copies), by repository (the name before the tag; dangling
     * images as "untagged"), each repository's top images and the rest as {@link #OTHERS}; the top repositories only.
     */
    public static Map<String, List<Tally>> storedBytesByRepository(List<ImageUsage> images, int topRepositories,
                                                                   int topPerRepository) {
        Map<String, Map<String, Long>> byRepository = new HashMap<>();
        for (ImageUsage image : images) {
            String repository = image.dangling() ? "untagged" : repository(image.name());
            byRepository.computeIfAbsent(repository, k -> new HashMap<>())
                    .merge(image.name(), image.size() * image.endpoints(), Long::sum);
        }
        Map<String, Long> totals = new HashMap<>();
        byRepository.forEach((repository, sizes) -> totals.put(repository,
                sizes.values().stream().mapToLong(Long::longValue).sum()));
        Map<String, List<Tally>> result = new LinkedHashMap<>();
        ranked(totals, topRepositories).stream().filter(t -> !t.label().equals(OTHERS))
                .forEach(t -> result.put(t.label(), ranked(byRepository.get(t.label()), topPerRepository)));
        return result;
    }

    /** "nginx" for "nginx:1.27", "registry:5000/team/app" for "registry:5000/team/app:2". */
    static String repository(String tag) {
        int colon = tag.lastIndexOf(':');
        return colon > tag.lastIndexOf('/') && colon > 0 ? tag.substring(0, colon) : tag;
    }

    /** "nginx:1.27" for "registry.example.com/library/nginx:1.27", at most 40 characters. */
    public static String shortImage(String image) {
        if (image == null || image.isBlank()) {
            return "(none)";
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int digest = name.indexOf('@');
        if (digest > 0) {
            name = name.substring(0, digest);
        }
        return name.length() > 40 ? name.substring(0, 39) + "…" : name;
    }

    private static String endpointLabel(FleetEndpoint e) {
        return e.name() + " (" + e.environment() + ")";
    }

    private static boolean running(FleetContainer c, String environment) {
        return c.container().state() == ContainerState.RUNNING && in(environment, c.environment());
    }

    private static boolean in(String environment, String its) {
        return environment == null || environment.equals(its);
    }

}
