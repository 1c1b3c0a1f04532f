package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable picture of the whole fleet. Everything pages and the API show is read from here; the headline
 * numbers are computed once, when the snapshot is assembled, never per request.
 * <p>
 * Containers last seen on endpoints that are offline now are not listed or counted as if they were current (their
 * state is unknown); the endpoint keeps their count and age, and {@code offlineContainers} keeps them for the day
 * the endpoint comes back.
 */
public record FleetSnapshot(Instant takenAt, long durationMillis, boolean demo, List<EnvironmentState> environments,
                            List<FleetEndpoint> endpoints, List<FleetContainer> containers,
                            List<FleetContainer> offlineContainers, List<FleetStack> stacks,
                            List<FleetImage> images, List<FleetNetwork> networks, FleetCounts counts,
                            Map<ContainerState, Integer> containersByState, List<Attention> attention,
                            Map<Attention.Kind, Integer> attentionCounts, Freshness freshness,
                            Map<String, InspectionFacts> inspections)
        implements Serializable {

    /**
     * Records deserialize through this constructor: a snapshot written to the disk tier by an older version (a
     * component missing, so null) fails here, and the cache discards it instead of serving a half-read snapshot.
     */
    public FleetSnapshot {
        java.util.Objects.requireNonNull(takenAt, "takenAt");
        for (Object part : new Object[] {environments, endpoints, containers, offlineContainers, stacks, images,
                networks, counts, containersByState, attention, attentionCounts, freshness}) {
            java.util.Objects.requireNonNull(part, "a snapshot written by another version");
        }
        // facts from inspect came later: a snapshot persisted before has none, and is still whole without them
        inspections = inspections == null ? Map.of() : inspections;
    }

    /** How many attention items a snapshot keeps per kind (worst first); attentionCounts has them all. */
    public static final int ATTENTION_PER_KIND = 5;
    private static final java.time.Duration STALE_STORED_SNAPSHOT = java.time.Duration.ofHours(1);

    /** The endpoint with this key ("environment:endpointId"), if the snapshot has it. */
    public java.util.Optional<FleetEndpoint> endpoint(String endpointKey) {
        return endpoints.stream().filter(e -> e.key().equals(endpointKey)).findFirst();
    }

    public static String endpointKey(String environment, int endpointId) {
        return environment + ":" + endpointId;
    }

    public static FleetSnapshot assemble(Instant takenAt, long durationMillis, boolean demo,
                                         List<EnvironmentHarvest> harvests) {
        return assemble(takenAt, durationMillis, demo, harvests, Map.of());
    }

    /**
     * The snapshot of what a refresh learned, with what inspect said about containers in trouble (by container
     * key). Facts are kept only for containers that are still in trouble: a container running again drops them.
     */
    public static FleetSnapshot assemble(Instant takenAt, long durationMillis, boolean demo,
                                         List<EnvironmentHarvest> harvests,
                                         Map<String, InspectionFacts> inspections) {
        List<EnvironmentState> environments = new ArrayList<>();
        List<FleetEndpoint> endpoints = new ArrayList<>();
        List<FleetImage> images = new ArrayList<>();
        List<FleetNetwork> networks = new ArrayList<>();
        List<FleetStack> stacks = new ArrayList<>();
        int online = 0, running = 0, staleEndpoints = 0;
        int environmentsFailed = 0, stacksFailed = 0, endpointsFailed = 0, pending = 0, fromPortainerSnapshot = 0;
        int containersFromStored = 0;
        long copiesSize = 0;
        Map<String, Image> distinctImages = new HashMap<>();
        Instant dataAsOf = null, oldestPortainerSnapshot = null;
        List<Attention> attention = new ArrayList<>();
        ContainerTally tally = new ContainerTally(attention, inspections);

        for (EnvironmentHarvest harvest : harvests) {
            String env = harvest.name();
            Map<Integer, String> endpointNames = new HashMap<>();
            int envOnline = 0, envContainers = 0, envErrors = 0, envPending = 0;
            // (endpointKey, name) -> stack being built; Portainer stacks first, compose projects join them
            Map<String, StackTally> envStacks = new LinkedHashMap<>();
            for (EndpointHarvest eh : harvest.endpoints()) {
                String endpointKey = endpointKey(env, eh.endpoint().id());
                endpointNames.put(eh.endpoint().id(), eh.endpoint().name());
                boolean current = eh.endpoint().online();
                int endpointRunning = tally.add(eh, env, endpointKey, current, envStacks);
                if (current) {
                    for (Image image : eh.images()) {
                        images.add(new FleetImage(env, endpointKey, eh.endpoint().name(), image));
                        distinctImages.putIfAbsent(image.id(), image);
                        copiesSize += image.size();
                    }
                    if (eh.dataSource() == DataSource.PORTAINER_SNAPSHOT) {
                        containersFromStored += eh.containers().size();
                    }
                    for (Network network : eh.networks()) {
                        networks.add(new FleetNetwork(env, endpointKey, network));
                    }
                    running += endpointRunning;
                    envContainers += eh.containers().size();
                }
                if (eh.endpoint().online()) {
                    online++;
                    envOnline++;
                } else {
                    attention.add(new Attention(Attention.Severity.CRITICAL, Attention.Kind.ENDPOINT_OFFLINE,
                            eh.endpoint().name() + " is offline", offlineDetail(eh, env), endpointKey));
                }
                if (eh.pending()) {
                    envPending++;
                }
                if (eh.dataSource() == DataSource.PORTAINER_SNAPSHOT) {
                    fromPortainerSnapshot++;
                    if (eh.dataAt() != null && (oldestPortainerSnapshot == null
                            || eh.dataAt().isBefore(oldestPortainerSnapshot))) {
                        oldestPortainerSnapshot = eh.dataAt();
                    }
                }
                if (eh.error() != null) {
                    envErrors++;
                    attention.add(new Attention(Attention.Severity.WARNING, Attention.Kind.ENDPOINT_ERROR,
                            eh.endpoint().name() + " could not be read", eh.error().message(), endpointKey));
                }
                if (eh.dataSource() == DataSource.PREVIOUS || (eh.dataSource() == DataSource.PORTAINER_SNAPSHOT
                        && eh.dataAt() != null && eh.dataAt().isBefore(takenAt.minus(STALE_STORED_SNAPSHOT)))) {
                    staleEndpoints++;
                }
                endpoints.add(new FleetEndpoint(endpointKey, env, eh.endpoint(), eh.dataSource(), eh.dataAt(),
                        eh.lastReadAt(), eh.pending(), eh.containers().size(), endpointRunning,
                        (int) eh.images().stream().map(Image::id).distinct().count(), eh.error(),
                        eh.fetchMillis(), eh.skippedItems(), eh.host()));
            }
            for (Stack stack : harvest.stacks()) {
                String name = endpointNames.get(stack.endpointId());
                if (name == null) {
                    continue; // a stack on an endpoint the list does not show (e.g. an untrusted edge device)
                }
                String endpointKey = endpointKey(env, stack.endpointId());
                envStacks.computeIfAbsent(endpointKey + ":" + stack.name(),
                        k -> new StackTally(endpointKey, name, stack.name())).managedBy(stack);
            }
            for (Map.Entry<String, StackTally> entry : envStacks.entrySet()) {
                stacks.add(entry.getValue().toStack(entry.getKey(), env));
            }
            if (harvest.error() != null) {
                environmentsFailed++;
                attention.add(new Attention(Attention.Severity.CRITICAL, Attention.Kind.REFRESH_FAILED,
                        harvest.displayName() + " could not be refreshed", harvest.error().message()
                        + (harvest.lastSuccessAt() == null ? "; never read yet"
                        : "; showing its data from " + harvest.lastSuccessAt()), env));
            } else if (harvest.stacksError() != null) {
                stacksFailed++;
                attention.add(new Attention(Attention.Severity.WARNING, Attention.Kind.STACKS_FAILED,
                        "Stacks of " + harvest.displayName() + " could not be read",
                        harvest.stacksError().message() + "; the last known stacks are shown", env));
            }
            endpointsFailed += envErrors;
            pending += envPending;
            if (harvest.lastSuccessAt() != null
                    && (dataAsOf == null || harvest.lastSuccessAt().isBefore(dataAsOf))) {
                dataAsOf = harvest.lastSuccessAt();
            }
            environments.add(new EnvironmentState(env, harvest.displayName(), harvest.simulated(),
                    harvest.endpoints().size(), envOnline, envContainers, envErrors, envPending,
                    harvest.collectedAt(), harvest.lastSuccessAt(), harvest.durationMillis(), harvest.error(),
                    harvest.stacksError()));
        }
        if (harvests.isEmpty()) {
            dataAsOf = takenAt; // nothing configured: nothing can be old
        }
        Freshness freshness = new Freshness(dataAsOf, environmentsFailed, stacksFailed, endpointsFailed, pending,
                fromPortainerSnapshot, oldestPortainerSnapshot);
        int stacksManaged = (int) stacks.stream().filter(s -> !s.external()).count();
        List<FleetContainer> containers = tally.listed;
        FleetCounts counts = new FleetCounts(harvests.size(), endpoints.size(), online, endpoints.size() - online,
                containers.size(), running, containers.size() - running, tally.healthy, tally.unhealthy,
                tally.restarting,
                stacks.size(), images.size(), staleEndpoints, containersFromStored, stacksManaged,
                stacks.size() - stacksManaged, distinctImages.size(),
                (int) distinctImages.values().stream().filter(Image::dangling).count(),
                distinctImages.values().stream().mapToLong(Image::size).sum(), copiesSize);
        AttentionRanking.Ranked ranked = AttentionRanking.rank(attention, ATTENTION_PER_KIND);
        return new FleetSnapshot(takenAt, durationMillis, demo, List.copyOf(environments), List.copyOf(endpoints),
                FleetContainerList.of(containers), FleetContainerList.of(tally.offline), List.copyOf(stacks),
                List.copyOf(images), List.copyOf(networks), counts,
                Collections.unmodifiableMap(new EnumMap<>(tally.byState)),
                ranked.kept(), ranked.counts(), freshness, Collections.unmodifiableMap(tally.facts));
    }

    /** What inspect said about the crash-looping (restarting) containers it has looked at. */
    public List<InspectionFacts> crashLoopInspections() {
        if (inspections.isEmpty()) {
            return List.of();
        }
        List<InspectionFacts> facts = new ArrayList<>();
        for (FleetContainer c : containers) {
            if (c.container().state() == ContainerState.RESTARTING) {
                InspectionFacts known = inspections.get(c.key());
                if (known != null) {
                    facts.add(known);
                }
            }
        }
        return facts;
    }

    private static String offlineDetail(EndpointHarvest harvest, String environment) {
        if (harvest.endpoint().type().edge() && harvest.endpoint().lastCheckIn() != null) {
            return "Edge agent in " + environment + " last checked in at " + harvest.endpoint().lastCheckIn();
        }
        return harvest.endpoint().type().edge() ? "Edge agent in " + environment + " never checked in"
                : "Portainer reports it down in " + environment;
    }

    public static FleetSnapshot empty(Instant takenAt, boolean demo) {
        return assemble(takenAt, 0, demo, List.of());
    }

    /**
     * The per-container part of {@link #assemble}, in a method of its own: it runs 50,000 times per snapshot, so
     * the JIT compiles it at once (inside the one long assemble call it stayed interpreted).
     */
    private static final class ContainerTally {
        private final List<FleetContainer> listed = new ArrayList<>();
        private final List<FleetContainer> offline = new ArrayList<>();
        private final Map<ContainerState, Integer> byState = new EnumMap<>(ContainerState.class);
        private final List<Attention> attention;
        private final Map<String, InspectionFacts> inspections;
        private final Map<String, InspectionFacts> facts = new HashMap<>();
        private int healthy;
        private int unhealthy;
        private int restarting;

        ContainerTally(List<Attention> attention, Map<String, InspectionFacts> inspections) {
            this.attention = attention;
            this.inspections = inspections;
        }

        /** Adds an endpoint's containers; returns how many of them run. */
        int add(EndpointHarvest eh, String env, String endpointKey, boolean current,
                Map<String, StackTally> envStacks) {
            int endpointRunning = 0;
            Map<String, StackTally> endpointStacks = new java.util.HashMap<>();
            for (Container c : eh.containers()) {
                endpointRunning += add(eh, env, endpointKey, current, envStacks, endpointStacks, c);
            }
            return endpointRunning;
        }

        /** endpointStacks: this endpoint's entries of envStacks by project name (no key built per container). */
        private int add(EndpointHarvest eh, String env, String endpointKey, boolean current,
                        Map<String, StackTally> envStacks, Map<String, StackTally> endpointStacks, Container c) {
            int running = 0;
            FleetContainer fleetContainer = new FleetContainer(endpointKey + ":" + c.id(), env, endpointKey,
                    eh.endpoint().name(), c);
            if (c.state() == ContainerState.RUNNING) {
                running = 1;
            }
            if (!current) {
                offline.add(fleetContainer);
                return running;
            }
            listed.add(fleetContainer);
            byState.merge(c.state(), 1, Integer::sum);
            InspectionFacts inspected = inspections.isEmpty() ? null : inspections.get(fleetContainer.key());
            ContainerTrouble trouble = ContainerTrouble.of(c, inspected);
            if (trouble != null) {
                if (inspected != null) {
                    facts.put(fleetContainer.key(), inspected); // kept while the container is in trouble
                }
                attention.add(trouble == ContainerTrouble.CRASH_LOOP ? crashLoop(eh, endpointKey, c, inspected)
                        : exited(eh, endpointKey, c, inspected));
            }
            if (trouble == ContainerTrouble.CRASH_LOOP) {
                restarting++;
            }
            if (c.health() == ContainerHealth.HEALTHY) {
                healthy++;
            } else if (c.health() == ContainerHealth.UNHEALTHY) {
                unhealthy++;
                attention.add(new Attention(Attention.Severity.WARNING, Attention.Kind.UNHEALTHY,
                        c.name() + " is unhealthy", c.status() + " on " + eh.endpoint().name(),
                        endpointKey + ":" + c.id()));
            }
            if (c.composeProject() != null && !c.composeProject().isBlank()) {
                endpointStacks.computeIfAbsent(c.composeProject(), project -> envStacks.computeIfAbsent(
                        endpointKey + ":" + project, k -> new StackTally(endpointKey, eh.endpoint().name(), project)))
                        .count(c);
            }
            return running;
        }
    }

    private static Attention crashLoop(EndpointHarvest eh, String endpointKey, Container c, InspectionFacts facts) {
        String key = endpointKey + ":" + c.id();
        if (facts == null) {
            return new Attention(Attention.Severity.CRITICAL, Attention.Kind.CRASH_LOOP, c.name()
                    + " is crash-looping", c.status() + " on " + eh.endpoint().name() + " · restart count "
                    + notInspected(eh), key);
        }
        return new Attention(Attention.Severity.CRITICAL, Attention.Kind.CRASH_LOOP, c.name() + " is crash-looping",
                "restarted " + facts.restartCount() + " times (inspected " + facts.inspectedAt() + ")"
                        + (facts.oomKilled() ? " · last killed for running out of memory" : "") + " · " + c.status()
                        + " on " + eh.endpoint().name(), key, facts.restartCount(), facts.inspectedAt());
    }

    private static Attention exited(EndpointHarvest eh, String endpointKey, Container c, InspectionFacts facts) {
        String key = endpointKey + ":" + c.id();
        Integer exitCode = ContainerTrouble.exitCode(c, facts);
        String code = exitCode == null ? "an unknown exit code" : "code " + exitCode;
        if (facts != null && facts.oomKilled()) {
            return new Attention(Attention.Severity.CRITICAL, Attention.Kind.OOM_KILLED, c.name()
                    + " was killed for running out of memory", "OOMKilled, " + code + " (inspected "
                    + facts.inspectedAt() + ") · restarted " + facts.restartCount() + " times · " + c.status()
                    + " on " + eh.endpoint().name(), key, facts.restartCount(), facts.inspectedAt());
        }
        String cause = exitCode == null || exitCode == 137 ? facts == null
                ? "killed (SIGKILL: out of memory?) · " + notInspected(eh) + " · " : "not killed for lack of memory · "
                : "";
        String title = c.state() == ContainerState.DEAD ? c.name() + " is dead (" + code + ")"
                : c.name() + " exited with " + code;
        return new Attention(Attention.Severity.WARNING, Attention.Kind.EXITED_NON_ZERO, title,
                cause + c.status() + " on " + eh.endpoint().name(), key,
                facts == null ? null : facts.restartCount(), facts == null ? null : facts.inspectedAt());
    }

    /** Why a container in trouble has no facts from inspect (yet). */
    private static String notInspected(EndpointHarvest eh) {
        return eh.dataSource() == DataSource.LIVE ? "not inspected yet"
                : "unknown: Docker was not asked (" + eh.dataSource().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " data)";
    }

    /** Accumulates one stack while assembling: Portainer's record if any, plus its containers' tallies. */
    private static final class StackTally {
        private final String endpointKey;
        private final String endpointName;
        private final String name;
        private Stack managed;
        private int containers;
        private int running;

        StackTally(String endpointKey, String endpointName, String name) {
            this.endpointKey = endpointKey;
            this.endpointName = endpointName;
            this.name = name;
        }

        void count(Container container) {
            containers++;
            if (container.state() == ContainerState.RUNNING) {
                running++;
            }
        }

        void managedBy(Stack stack) {
            this.managed = stack;
        }

        FleetStack toStack(String key, String environment) {
            if (managed != null) {
                return new FleetStack(key, environment, endpointKey, endpointName, name, managed.id(),
                        managed.type(), managed.active(), containers, running, managed.created(), managed.updated());
            }
            return new FleetStack(key, environment, endpointKey, endpointName, name, null, StackType.COMPOSE,
                    running > 0, containers, running);
        }
    }
}
