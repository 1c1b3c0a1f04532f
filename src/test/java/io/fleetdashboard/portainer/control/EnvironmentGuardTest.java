package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.control.EnvironmentGuard.Outcome;
import io.fleetdashboard.portainer.control.EnvironmentGuard.State;
import io.fleetdashboard.portainer.entity.Circuit;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnvironmentGuardTest {

    private long now;
    private final EnvironmentGuard guard = new EnvironmentGuard("prod", 2, 3, Duration.ofSeconds(30), () -> now);

    private void call(Outcome outcome) {
        guard.leave(guard.enter(), outcome);
    }

    private ErrorKind rejection() {
        return assertThrows(PortainerException.class, guard::enter).kind();
    }

    @Test
    void opensAfterConsecutiveFailures() {
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        assertEquals(State.CLOSED, guard.state());
        call(Outcome.FAILURE);
        assertEquals(State.OPEN, guard.state());
        assertEquals(ErrorKind.CIRCUIT_OPEN, rejection());
        assertEquals(2, guard.available(), "a rejected call returns its permit");
    }

    @Test
    void successResetsTheFailureCount() {
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        call(Outcome.SUCCESS);
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        assertEquals(State.CLOSED, guard.state());
    }

    @Test
    void neutralOutcomesNeitherCountNorReset() {
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        call(Outcome.NEUTRAL);
        assertEquals(State.CLOSED, guard.state());
        call(Outcome.FAILURE);
        assertEquals(State.OPEN, guard.state());
    }

    @Test
    void halfOpenAllowsOneTrialThatClosesOnSuccess() {
        openIt();
        now += Duration.ofSeconds(29).toNanos();
        assertEquals(ErrorKind.CIRCUIT_OPEN, rejection());
        now += Duration.ofSeconds(1).toNanos();
        boolean trial = guard.enter();
        assertTrue(trial);
        assertEquals(State.HALF_OPEN, guard.state());
        assertEquals(ErrorKind.CIRCUIT_OPEN, rejection(), "only one trial at a time");
        guard.leave(true, Outcome.SUCCESS);
        assertEquals(State.CLOSED, guard.state());
        assertFalse(guard.enter());
    }

    @Test
    void failedTrialReopensForAnotherPeriod() {
        openIt();
        now += Duration.ofSeconds(30).toNanos();
        guard.leave(guard.enter(), Outcome.FAILURE);
        assertEquals(State.OPEN, guard.state());
        now += Duration.ofSeconds(10).toNanos();
        assertEquals(ErrorKind.CIRCUIT_OPEN, rejection());
    }

    @Test
    void neutralTrialFreesTheSlotForTheNextTrial() {
        openIt();
        now += Duration.ofSeconds(30).toNanos();
        guard.leave(guard.enter(), Outcome.NEUTRAL);
        assertEquals(State.HALF_OPEN, guard.state());
        assertTrue(guard.enter());
    }

    @Test
    void lateResultsOfOldCallsDoNotCloseAnOpenBreaker() {
        boolean early = guard.enter();
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        assertEquals(State.OPEN, guard.state());
        guard.leave(early, Outcome.SUCCESS);
        assertEquals(State.OPEN, guard.state());
    }

    @Test
    void aFullRefreshBulkheadLeavesRoomForUsersAndTheOtherWayRound() {
        guard.enter();
        guard.enter();
        assertEquals(ErrorKind.OVERLOADED, rejection(), "the refresh's permits are taken");
        boolean trial = guard.enter(true);
        guard.leave(trial, Outcome.SUCCESS, true);
        for (int i = 0; i < 4; i++) {
            guard.enter(true);
        }
        org.junit.jupiter.api.Assertions.assertThrows(io.fleetdashboard.portainer.entity.PortainerException.class,
                () -> guard.enter(true), "the interactive bulkhead is bounded too");
        guard.leave(false, Outcome.SUCCESS);
        guard.enter(); // a refresh permit came back, untouched by the users' calls
    }

    @Test
    void bulkheadRejectsWithoutWaiting() {
        guard.enter();
        guard.enter();
        assertEquals(ErrorKind.OVERLOADED, rejection());
        guard.leave(false, Outcome.SUCCESS);
        guard.enter();
        assertEquals(0, guard.available());
    }

    @Test
    void onlyServerLevelTroubleCountsAsFailure() {
        assertEquals(Outcome.SUCCESS, EnvironmentGuard.outcome(Route.CONTAINERS, null));
        assertEquals(Outcome.FAILURE, EnvironmentGuard.outcome(Route.CONTAINERS, ErrorKind.UNAVAILABLE));
        assertEquals(Outcome.FAILURE, EnvironmentGuard.outcome(Route.ENDPOINTS, ErrorKind.TIMEOUT));
        assertEquals(Outcome.NEUTRAL, EnvironmentGuard.outcome(Route.CONTAINERS, ErrorKind.TIMEOUT));
        assertEquals(Outcome.FAILURE, EnvironmentGuard.outcome(Route.STACKS, ErrorKind.SERVER_ERROR));
        assertEquals(Outcome.SUCCESS, EnvironmentGuard.outcome(Route.CONTAINERS, ErrorKind.SERVER_ERROR),
                "a 502 from one agent proves Portainer answered");
        assertEquals(Outcome.SUCCESS, EnvironmentGuard.outcome(Route.CONTAINERS, ErrorKind.EDGE_TUNNEL));
        assertEquals(Outcome.SUCCESS, EnvironmentGuard.outcome(Route.ENDPOINTS, ErrorKind.UNAUTHORIZED));
        assertEquals(Outcome.NEUTRAL, EnvironmentGuard.outcome(Route.TROUBLE_INSPECT, ErrorKind.UNAVAILABLE),
                "the background inspect between refreshes never opens the breaker the refresh depends on");
        assertEquals(Outcome.SUCCESS, EnvironmentGuard.outcome(Route.TROUBLE_INSPECT, null));
    }

    @Test
    void theReadingSaysTheFailuresInARowAndWhenAnOpenBreakerTriesAgain() {
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        assertEquals(new EnvironmentGuard.Reading(State.CLOSED, 2, 0), guard.reading());
        call(Outcome.FAILURE);
        assertEquals(new EnvironmentGuard.Reading(State.OPEN, 0, Duration.ofSeconds(30).toNanos()), guard.reading());
        now += Duration.ofSeconds(12).toNanos();
        assertEquals(Duration.ofSeconds(18).toNanos(), guard.reading().nanosUntilTrial());
        now += Duration.ofSeconds(40).toNanos();
        assertEquals(new EnvironmentGuard.Reading(State.OPEN, 0, 0), guard.reading(),
                "past its time it stays open until a call arrives, which is then the trial");
    }

    @Test
    void aCircuitIsDescribedForPeople() {
        java.time.Instant now = java.time.Instant.parse("2026-12-04T12:00:00Z");
        assertEquals("closed", new Circuit("prod", Circuit.CLOSED, 0, 5, null).describe(now));
        assertEquals("closed · 2 of 5 failures in a row", new Circuit("prod", Circuit.CLOSED, 2, 5, null).describe(now));
        assertEquals("open · calls paused, next try in 12 s",
                new Circuit("prod", Circuit.OPEN, 0, 5, now.plusSeconds(12)).describe(now));
        assertEquals("open · the next call is the trial",
                new Circuit("prod", Circuit.OPEN, 0, 5, now.minusSeconds(3)).describe(now));
        assertEquals("half-open · a trial call decides", new Circuit("prod", Circuit.HALF_OPEN, 0, 5, null).describe(now));
    }

    private void openIt() {
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        call(Outcome.FAILURE);
        assertEquals(State.OPEN, guard.state());
    }
}
