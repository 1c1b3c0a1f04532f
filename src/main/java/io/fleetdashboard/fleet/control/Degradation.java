package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Freshness;
import io.fleetdashboard.portainer.entity.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Says in a few words which parts of a snapshot are not from this refresh ("Portainer 'prod' unreachable",
 * "2 endpoints pending"), for the shell's top bar, the refresh answer and readiness. Empty when nothing is degraded.
 */
public final class Degradation {

    private Degradation() {
    }

    public static List<String> notes(FleetSnapshot snapshot) {
        List<String> notes = new ArrayList<>();
        List<EnvironmentState> failed = snapshot.environments().stream().filter(EnvironmentState::failed).toList();
        if (failed.size() == 1) {
            notes.add("Portainer '" + failed.get(0).displayName() + "' " + verb(failed.get(0).error().kind()));
        } else if (failed.size() > 1) {
            notes.add(failed.size() + " Portainer servers could not be read");
        }
        List<EnvironmentState> stacksFailed = snapshot.environments().stream()
                .filter(e -> !e.failed() && e.stacksError() != null).toList();
        if (stacksFailed.size() == 1) {
            notes.add("stacks of '" + stacksFailed.get(0).displayName() + "' could not be read");
        } else if (stacksFailed.size() > 1) {
            notes.add("stacks of " + stacksFailed.size() + " Portainer servers could not be read");
        }
        Freshness freshness = snapshot.freshness();
        if (freshness.endpointsFailed() > 0) {
            notes.add(plural(freshness.endpointsFailed(), "endpoint") + " could not be read");
        }
        if (freshness.endpointsPending() > 0) {
            notes.add(plural(freshness.endpointsPending(), "endpoint") + " pending");
        }
        return notes;
    }

    private static String verb(ErrorKind kind) {
        return switch (kind) {
            case UNAVAILABLE, TIMEOUT, CIRCUIT_OPEN -> "unreachable";
            case UNAUTHORIZED, FORBIDDEN -> "refused the API key";
            default -> "could not be read";
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
