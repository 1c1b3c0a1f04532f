package io.fleetdashboard.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.insights.entity.Condition;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlappingTest {

    private static Condition condition(String kind, String subject) {
        return new Condition(kind + ":" + subject, kind, InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY,
                subject, null, List.of(subject), null, null);
    }

    private static final Condition OFFLINE = condition("endpoint_offline", "prod:1");
    private static final Condition LOOP = condition("crash_loop", "prod:1:a");

    @Test
    void aFlappingKindCountsFromItsSecondRoundInARowOthersAtOnce() {
        Flapping flapping = new Flapping(2, c -> c.kind().equals("endpoint_offline"));
        assertEquals(List.of(LOOP), flapping.confirmed(List.of(OFFLINE, LOOP), Set.of()));
        assertEquals(List.of(OFFLINE, LOOP), flapping.confirmed(List.of(OFFLINE, LOOP), Set.of()));
    }

    @Test
    void aRoundWithoutItStartsTheStreakAgainAndAnOpenInsightStaysOpen() {
        Flapping flapping = new Flapping(2, c -> c.kind().equals("endpoint_offline"));
        flapping.confirmed(List.of(OFFLINE), Set.of());
        flapping.confirmed(List.of(), Set.of());
        assertEquals(List.of(), flapping.confirmed(List.of(OFFLINE), Set.of()), "back for one round: a flap");
        assertEquals(List.of(OFFLINE), new Flapping(2, c -> true).confirmed(List.of(OFFLINE), Set.of(OFFLINE.key())),
                "already open (a restart of the server): it stays");
    }
}
