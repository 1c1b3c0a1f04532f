package io.fleetdashboard.insights.control;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.BoundedFanOut;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.insights.entity.StackImageCheck;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.ImageFreshness;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.StackImagesStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outdated images per Portainer-managed stack, from Portainer's image status (docs/portainer.md), for the monitoring
 * round: each stack asked at most once per MONITORING_IMAGE_CHECK_HOURS (Portainer itself caches the answer and asks
 * the registries, so more often gains nothing), a few at a time with a deadline each, at most
 * MONITORING_IMAGE_CHECK_MAX_PER_ROUND stacks per round (the oldest answers first). A server without the route
 * (Community Edition answers 404) is remembered as unsupported for the same period and not asked for its other
 * stacks; its stacks say "unsupported", never "up to date". Compose projects Portainer does not manage have no
 * status. MONITORING_INCLUDE_IMAGE_CHECK=false (the original's variable) switches it off.
 */
@ApplicationScoped
public class StackImageChecks {

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    @ConfigProperty(name = "monitoring.include.image.check", defaultValue = "true")
    boolean enabled = true;

    @Inject
    @ConfigProperty(name = "monitoring.image.check.hours", defaultValue = "6")
    int checkHours = 6;

    @Inject
    @ConfigProperty(name = "monitoring.image.check.max.per.round", defaultValue = "100")
    int maxPerRound = 100;

    @Inject
    @ConfigProperty(name = "monitoring.image.check.deadline.seconds", defaultValue = "15")
    int deadlineSeconds = 15;

    static final int CONCURRENCY = 2;

    Clock clock = Clock.systemUTC();

    private final Map<String, StackImageCheck> known = new ConcurrentHashMap<>();
    /** Environment name -> when its server answered that it has no image status. */
    private final Map<String, Instant> unsupportedSince = new ConcurrentHashMap<>();

    public boolean enabled() {
        return enabled;
    }

    /** Asks about the managed stacks of live environments whose answer is missing or old; completes with how many. */
    public CompletableFuture<Integer> check(FleetSnapshot snapshot, Exclusions exclusions, ExecutorService executor,
                                            ScheduledExecutorService timer) {
        Set<String> present = snapshot.stacks().stream().map(FleetStack::key).collect(Collectors.toSet());
        known.keySet().retainAll(present);
        if (!enabled) {
            known.clear();
            return CompletableFuture.completedFuture(0);
        }
        Instant now = clock.instant();
        Duration period = Duration.ofHours(Math.max(1, checkHours));
        unsupportedSince.values().removeIf(since -> since.plus(period).isBefore(now));
        List<FleetStack> todo = due(snapshot, exclusions, now, period);
        return BoundedFanOut.run(todo, CONCURRENCY, Duration.ofSeconds(deadlineSeconds), executor, timer,
                        this::ask, (stack, error) -> Optional.of(failed(stack, BoundedFanOut.unwrap(error), now)))
                .thenApply(results -> {
                    results.forEach(r -> r.ifPresent(check -> known.put(check.stackKey(), check)));
                    return (int) results.stream().filter(Optional::isPresent).count();
                });
    }

    /** Managed stacks of environments read in this snapshot, not excluded, never asked or asked too long ago. */
    List<FleetStack> due(FleetSnapshot snapshot, Exclusions exclusions, Instant now, Duration period) {
        Set<String> live = snapshot.environments().stream().filter(e -> e.error() == null)
                .map(EnvironmentState::name).collect(Collectors.toSet());
        return snapshot.stacks().stream()
                .filter(s -> !s.external() && live.contains(s.environment()))
                .filter(s -> !exclusions.stack(s.endpointName(), s.name()))
                .filter(s -> {
                    StackImageCheck last = known.get(s.key());
                    // still being checked by Portainer, or failed: ask again next round
                    return last == null || last.freshness() == ImageFreshness.CHECKING
                            || (last.freshness() == null && !last.unsupported())
                            || last.checkedAt().plus(period).isBefore(now);
                })
                .sorted(Comparator.comparing((FleetStack s) -> {
                    StackImageCheck last = known.get(s.key());
                    return last == null ? Instant.EPOCH : last.checkedAt();
                }).thenComparing(FleetStack::key))
                .limit(Math.max(0, maxPerRound)).toList();
    }

    private Optional<StackImageCheck> ask(FleetStack stack) {
        Instant now = clock.instant();
        if (unsupportedSince.containsKey(stack.environment())) {
            return Optional.of(unsupported(stack, now));
        }
        Optional<EnvironmentConnection> connection = environments.connection(stack.environment());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try {
            StackImagesStatus status = gateway.stackImagesStatus(connection.get(), stack.portainerId());
            return Optional.of(new StackImageCheck(stack.key(), stack.environment(), stack.endpointKey(),
                    stack.endpointName(), stack.name(), status.freshness(), false, status.message(), now));
        } catch (PortainerException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                unsupportedSince.put(stack.environment(), now);
                return Optional.of(unsupported(stack, now));
            }
            return Optional.of(failed(stack, e, now));
        }
    }

    private static StackImageCheck unsupported(FleetStack stack, Instant at) {
        return new StackImageCheck(stack.key(), stack.environment(), stack.endpointKey(), stack.endpointName(),
                stack.name(), null, true, "This Portainer server has no image status (a Business Edition feature)",
                at);
    }

    private static StackImageCheck failed(FleetStack stack, Throwable error, Instant at) {
        String why = error instanceof PortainerException p ? p.getMessage() : "no answer in time";
        return new StackImageCheck(stack.key(), stack.environment(), stack.endpointKey(), stack.endpointName(),
                stack.name(), null, false, why, at);
    }

    /** The last answers, by stack key. */
    public Collection<StackImageCheck> checks() {
        return List.copyOf(known.values());
    }

    public Optional<StackImageCheck> check(String stackKey) {
        return Optional.ofNullable(known.get(stackKey));
    }
}
