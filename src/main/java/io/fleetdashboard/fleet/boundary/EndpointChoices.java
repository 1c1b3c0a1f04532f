package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.EndpointQuery;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.List;

/** The endpoints a page's endpoint filter offers: those of the chosen environment (all when none is chosen). */
final class EndpointChoices {

    private EndpointChoices() {
    }

    static List<EndpointChoice> of(FleetSnapshot snapshot, String environment) {
        return snapshot.endpoints().stream()
                .filter(e -> environment == null || environment.isBlank() || environment.equals(e.environment()))
                .sorted(EndpointQuery.ALL.comparator())
                .map(e -> new EndpointChoice(e.key(), e.name() + " (" + e.environment() + ")")).toList();
    }
}
