package io.fleetdashboard.fleet.boundary;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.asyncEdge;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FetchError;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.ErrorKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessNoteTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static EnvironmentHarvest environment(EndpointHarvest... endpoints) {
        return new EnvironmentHarvest("prod", "Production", false, List.of(endpoints), List.of(), null, null, NOW,
                NOW, 1);
    }

    @Test
    void everythingLiveSaysNothing() {
        FleetSnapshot live = FleetSnapshot.assemble(NOW, 1, false, List.of(environment(new EndpointHarvest(
                agent(1, true), DataSource.LIVE, NOW, NOW, false, List.of(), List.of(), List.of(), null, 1))));
        assertEquals("", FreshnessNote.of(live, NOW));
    }

    @Test
    void storedSnapshotsAndFailuresAreSaidWithTheirAge() {
        FleetSnapshot mixed = FleetSnapshot.assemble(NOW, 1, false, List.of(environment(
                new EndpointHarvest(asyncEdge(1), DataSource.PORTAINER_SNAPSHOT, NOW.minusSeconds(240), NOW, false,
                        List.of(), List.of(), List.of(), null, 1),
                new EndpointHarvest(agent(2, true), DataSource.PREVIOUS, NOW.minusSeconds(900), NOW, false, List.of(),
                        List.of(), List.of(), new FetchError(ErrorKind.values()[0], "timed out", NOW), 1))));
        assertEquals("1 endpoint from Portainer's stored snapshots (oldest 4 min old) · 1 endpoint could not be "
                + "read: last known data", FreshnessNote.of(mixed, NOW));
    }
}
