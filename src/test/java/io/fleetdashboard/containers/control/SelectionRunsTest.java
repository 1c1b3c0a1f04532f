package io.fleetdashboard.containers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ActionResult.Outcome;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.containers.entity.SelectionRun;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SelectionRunsTest {

    /** Holds the work back until the test lets each container end, as the managed threads would. */
    static class HeldActions extends ContainerActions {
        final List<Consumer<ActionResult>> listeners = new ArrayList<>();
        final CompletableFuture<List<ActionResult>> all = new CompletableFuture<>();
        RuntimeException refusal;

        @Override
        public CompletableFuture<List<ActionResult>> start(List<ContainerKey> keys, ContainerAction action,
                                                           String user, String role, Consumer<ActionResult> each) {
            if (refusal != null) {
                throw refusal;
            }
            listeners.add(each);
            return all;
        }
    }

    private static ContainerKey key(char c) {
        return ContainerKey.parse("sim-1:1:" + String.valueOf(c).repeat(64)).orElseThrow();
    }

    private static ActionResult done(ContainerKey key) {
        return new ActionResult(key.key(), "web", "restart", Outcome.DONE, "Docker did restart.",
                ContainerState.RUNNING, 5);
    }

    private final HeldActions actions = new HeldActions();
    private final SelectionRuns runs = new SelectionRuns();

    {
        runs.actions = actions;
    }

    @Test
    void resultsArriveOneByOneAndOnlyTheStarterReadsThem() {
        List<ContainerKey> keys = List.of(key('a'), key('b'));
        SelectionRun run = runs.start(keys, ContainerAction.RESTART, "operator", "fleet-operator");

        assertEquals(0, run.done());
        assertFalse(run.finished());
        actions.listeners.get(0).accept(done(keys.get(0)));
        assertEquals(1, runs.find(run.id(), "operator").orElseThrow().done());
        assertTrue(runs.find(run.id(), "someone-else").isEmpty(), "another user cannot follow the run");
        assertTrue(runs.find("no-such-run", "operator").isEmpty());

        actions.listeners.get(0).accept(done(keys.get(1)));
        actions.all.complete(List.of(done(keys.get(0)), done(keys.get(1))));
        assertTrue(run.finished());
        assertEquals(2, run.done());
        assertEquals(0, run.failed());
    }

    @Test
    void aRunTheServerCouldNotStartFailsEveryContainerSayingSo() {
        actions.refusal = new java.util.concurrent.RejectedExecutionException("shutting down");
        SelectionRun run = runs.start(List.of(key('a'), key('b')), ContainerAction.STOP, "operator", "r");
        assertTrue(run.finished());
        assertEquals(2, run.failed());
        assertTrue(run.results().get(0).message().startsWith("Not run"), run.results().get(0).message());
    }

    @Test
    void aSelectionIsBounded() {
        List<ContainerKey> tooMany = new ArrayList<>();
        for (int i = 0; i <= ContainerActions.MAX_SELECTION; i++) {
            tooMany.add(ContainerKey.parse("sim-1:1:" + String.format("%064x", i)).orElseThrow());
        }
        assertThrows(IllegalArgumentException.class,
                () -> runs.start(tooMany, ContainerAction.KILL, "operator", "r"));
        assertThrows(IllegalArgumentException.class,
                () -> runs.start(List.of(), ContainerAction.KILL, "operator", "r"));
    }
}
