package io.fleetdashboard.containers.control;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ActionResult.Outcome;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.BoundedFanOut;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * start, stop, restart and kill through the gateway (never retried), for one container or a selection. After each
 * action the container is inspected again and its new state put into the fleet snapshot at once, its cached
 * details are dropped, and the action is written to the audit log (who, what, target, result, duration) whatever
 * its outcome. Callers check the operator role first; the user name is passed in because a selection runs on
 * managed threads, outside the request.
 */
@ApplicationScoped
public class ContainerActions {

    private static final Logger LOG = Logger.getLogger(ContainerActions.class.getName());

    /** The most containers one selection may act on. */
    public static final int MAX_SELECTION = 100;

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    Snapshots snapshots;

    @Inject
    DetailsCache details;

    @Inject
    AuditLog audit;

    @Resource
    ManagedExecutorService managedExecutor;

    @Resource
    ManagedScheduledExecutorService managedTimer;

    ExecutorService executor;
    ScheduledExecutorService timer;

    /**
     * Actions of one selection in flight at once: below the interactive bulkhead's 4 per environment, so a user
     * opening details meanwhile still gets through.
     */
    @Inject
    @ConfigProperty(name = "container.actions.concurrency", defaultValue = "3")
    int concurrency = 3;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void useManagedExecutors() {
        executor = managedExecutor;
        timer = managedTimer;
    }

    /** One action on one container, audited. */
    public ActionResult act(ContainerKey key, ContainerAction action, String user, String role) {
        long started = System.nanoTime();
        ActionResult result = perform(key, action, started);
        audit.record(user, role, "container." + action.dockerName(), key.key(), result.name(), auditResult(result),
                result.durationMillis(), result.message());
        LOG.info(() -> "Container " + action.dockerName() + " of " + key.key() + " by " + user + ": "
                + result.outcome());
        return result;
    }

    /** The same action on each container of a selection (at most {@link #MAX_SELECTION}), a result per key. */
    public List<ActionResult> act(List<ContainerKey> keys, ContainerAction action, String user, String role) {
        try {
            return start(keys, action, user, role, result -> { }).get(keys.size() * 60L + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while acting on the selection", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The selection could not be completed", e);
        }
    }

    /**
     * Starts the same action on each container of a selection on the managed executor ({@code concurrency} at a
     * time) and returns at once; {@code each} hears every container's result as it ends (on a managed thread), the
     * future completes with all of them in the order asked.
     */
    public CompletableFuture<List<ActionResult>> start(List<ContainerKey> keys, ContainerAction action, String user,
                                                       String role, Consumer<ActionResult> each) {
        return BoundedFanOut.run(keys, concurrency, Duration.ofSeconds(60), executor, timer,
                key -> {
                    ActionResult result = act(key, action, user, role);
                    each.accept(result);
                    return result;
                },
                (key, error) -> {
                    ActionResult late = new ActionResult(key.key(), key.containerId().substring(0, 12),
                            action.dockerName(), Outcome.FAILED,
                            "No answer in time; check the container's state before trying again.", null, 60_000);
                    each.accept(late);
                    return late;
                });
    }

    private ActionResult perform(ContainerKey key, ContainerAction action, long started) {
        EnvironmentConnection connection = environments.connection(key.environment()).orElse(null);
        String name = key.containerId().substring(0, 12);
        if (connection == null) {
            return result(key, name, action, Outcome.NOT_FOUND, "No environment named '" + key.environment() + "'.",
                    null, started);
        }
        boolean changed;
        try {
            changed = gateway.containerAction(connection, key.endpointId(), key.containerId(), action);
        } catch (PortainerException e) {
            Outcome outcome = switch (e.kind()) {
                case NOT_FOUND -> Outcome.NOT_FOUND;
                case CONFLICT -> Outcome.REFUSED;
                default -> Outcome.FAILED;
            };
            details.evict(key.key());
            return result(key, name, action, outcome, e.getMessage(), null, started);
        }
        details.evict(key.key());
        ContainerState state = null;
        try {
            ContainerInspection after = gateway.inspect(connection, key.endpointId(), key.containerId());
            name = after.name();
            state = after.state().status();
            Instant at = clock.instant();
            snapshots.replaceContainer(key.key(), after.toContainer(at), new InspectionFacts(after.restartCount(),
                    after.state().oomKilled(), after.state().exitCode(), at));
        } catch (PortainerException e) {
            // done, but not read back: the next refresh shows the state
            LOG.fine(() -> "Could not read " + key.key() + " back after " + action.dockerName() + ": " + e.getMessage());
        }
        String message = changed ? "Docker did " + action.dockerName() + (state == null ? "." : "; now " + state.label()
                + ".") : nothingToDo(action);
        return result(key, name, action, changed ? Outcome.DONE : Outcome.NOTHING_TO_DO, message, state, started);
    }

    private static String nothingToDo(ContainerAction action) {
        return action == ContainerAction.START ? "Already running: nothing to do." : "Already stopped: nothing to do.";
    }

    private static ActionResult result(ContainerKey key, String name, ContainerAction action, Outcome outcome,
                                       String message, ContainerState state, long started) {
        return new ActionResult(key.key(), name, action.dockerName(), outcome, message, state,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    static AuditResult auditResult(ActionResult result) {
        return switch (result.outcome()) {
            case DONE -> AuditResult.SUCCESS;
            case NOTHING_TO_DO -> AuditResult.NO_CHANGE;
            default -> AuditResult.FAILURE;
        };
    }
}
