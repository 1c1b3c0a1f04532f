package io.fleetdashboard.containers.control;

import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ActionResult.Outcome;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.containers.entity.SelectionRun;
import io.fleetdashboard.portainer.entity.ContainerAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Actions on a table's selection that a page starts and then follows: {@link #start} hands the work to
 * {@link ContainerActions} (managed threads, audited per container) and returns at once with a run whose results
 * fill in as each container's action ends; the page polls {@link #find}. Only the user who started a run can read
 * it. Finished runs are forgotten after a while, and only so many are kept at once.
 */
@ApplicationScoped
public class SelectionRuns {

    private static final Logger LOG = Logger.getLogger(SelectionRuns.class.getName());

    /** How long a finished run stays readable. */
    static final Duration KEPT = Duration.ofMinutes(15);

    /** Runs kept at once (running or finished); a start beyond it is refused until some expire. */
    static final int MAX_RUNS = 200;

    @Inject
    ContainerActions actions;

    Clock clock = Clock.systemUTC();

    private final Map<String, SelectionRun> runs = new ConcurrentHashMap<>();

    /** Refused: too many selections running or kept at once. */
    public static class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("Too many container selections are running; try again in a minute.");
        }
    }

    /**
     * Starts the action on each container (at most {@link ContainerActions#MAX_SELECTION}; the caller has checked
     * the role) and returns the run at once.
     */
    public SelectionRun start(List<ContainerKey> keys, ContainerAction action, String user, String role) {
        if (keys.isEmpty() || keys.size() > ContainerActions.MAX_SELECTION) {
            throw new IllegalArgumentException("A selection holds 1 to " + ContainerActions.MAX_SELECTION
                    + " containers, not " + keys.size());
        }
        forgetOld();
        if (runs.size() >= MAX_RUNS) {
            throw new BusyException();
        }
        SelectionRun run = new SelectionRun(UUID.randomUUID().toString(), user, action.dockerName(), keys.size(),
                clock.instant());
        runs.put(run.id(), run);
        try {
            actions.start(keys, action, user, role, run::add).whenComplete((results, error) -> {
                if (error != null) {
                    LOG.log(Level.WARNING, "A selection's " + action.dockerName() + " ended with an error", error);
                    giveUp(run, keys, action);
                }
                run.finish(clock.instant());
            });
        } catch (RuntimeException rejected) {
            giveUp(run, keys, action);
            run.finish(clock.instant());
        }
        return run;
    }

    /** The run of that id, if the user started it and it is still kept. */
    public Optional<SelectionRun> find(String id, String user) {
        SelectionRun run = id == null ? null : runs.get(id);
        return run != null && run.user().equals(user) ? Optional.of(run) : Optional.empty();
    }

    /** Every container without a result yet gets a failure that says so. */
    private static void giveUp(SelectionRun run, List<ContainerKey> keys, ContainerAction action) {
        List<String> answered = run.results().stream().map(ActionResult::key).toList();
        for (ContainerKey key : keys) {
            if (!answered.contains(key.key())) {
                run.add(new ActionResult(key.key(), key.containerId().substring(0, 12), action.dockerName(),
                        Outcome.FAILED, "Not run: the server could not start the action; try again.", null, 0));
            }
        }
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        runs.values().removeIf(r -> r.finished() && r.finishedAt().isBefore(before));
    }
}
