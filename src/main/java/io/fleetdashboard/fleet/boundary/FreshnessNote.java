package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Freshness;
import io.fleetdashboard.ui.Ages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What in a snapshot is not this refresh's live read, in one line for a page ("2 endpoints from Portainer's stored
 * snapshots (oldest 4 min old) · 1 endpoint could not be read: last known data"); empty when everything is.
 */
final class FreshnessNote {

    private FreshnessNote() {
    }

    static String of(FleetSnapshot snapshot, Instant now) {
        Freshness f = snapshot.freshness();
        List<String> parts = new ArrayList<>();
        if (f.endpointsFromPortainerSnapshot() > 0) {
            parts.add(count(f.endpointsFromPortainerSnapshot(), "endpoint") + " from Portainer's stored snapshots"
                    + (f.portainerSnapshotsOldestAt() == null ? ""
                    : " (oldest " + Ages.ago(f.portainerSnapshotsOldestAt(), now).replace(" ago", " old") + ")"));
        }
        if (f.endpointsFailed() > 0) {
            parts.add(count(f.endpointsFailed(), "endpoint") + " could not be read: last known data");
        }
        if (f.endpointsPending() > 0) {
            parts.add(count(f.endpointsPending(), "endpoint") + " still being read: last known data");
        }
        if (f.environmentsFailed() > 0) {
            parts.add(count(f.environmentsFailed(), "environment") + " unreachable: last known data");
        }
        if (f.environmentsStacksFailed() > 0) {
            parts.add("stacks of " + count(f.environmentsStacksFailed(), "environment") + " are the last known");
        }
        return String.join(" · ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
