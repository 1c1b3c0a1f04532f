package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.database.control.DatabaseProbe;
import io.fleetdashboard.fleet.control.Degradation;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Public, so it must stay cheap under a storm of probes: the database is asked at most every 5 s (DatabaseProbe).
 * Ready when the database answers and a snapshot can be served (a refresh finished, now or before a restart). Says
 * why it is not ready ("reason"), and when ready what is not current ("degraded": a Portainer unreachable, ...).
 */
@Readiness
@ApplicationScoped
public class FleetHealth implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetCollector collector;

    @Override
    public HealthCheckResponse call() {
        boolean databaseUp = database.answers();
        var snapshot = snapshots.ifPresent();
        var response = HealthCheckResponse.named("fleet")
                .withData("database", databaseUp ? "up" : "down")
                .withData("snapshot", snapshot.map(s -> s.takenAt().toString()).orElse("none yet"));
        snapshots.persisted().ifPresent(at -> response.withData("persistedSnapshot", at.toString()));
        List<String> reasons = new ArrayList<>();
        if (!databaseUp) {
            reasons.add("the database does not answer");
        }
        if (snapshot.isEmpty()) {
            reasons.add(collector.refreshing() ? "no fleet snapshot yet: the first refresh is running"
                    : "no fleet snapshot yet: no refresh has completed");
        }
        if (!reasons.isEmpty()) {
            response.withData("reason", String.join("; ", reasons));
        }
        snapshot.ifPresent(s -> {
            var status = snapshots.status(s);
            response.withData("ageSeconds", status.ageSeconds()).withData("stale", status.stale());
            List<String> notes = Degradation.notes(s);
            if (status.restored()) {
                notes = new ArrayList<>(notes);
                notes.add(0, "serving the snapshot from before the restart");
            }
            if (!notes.isEmpty()) {
                response.withData("degraded", String.join("; ", notes));
            }
        });
        return response.status(databaseUp && snapshot.isPresent()).build();
    }
}
