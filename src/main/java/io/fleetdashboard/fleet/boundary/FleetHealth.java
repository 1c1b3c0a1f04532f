package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.Snapshots;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and a snapshot can be served (a refresh finished, now or before a restart). */
@Readiness
@ApplicationScoped
public class FleetHealth implements HealthCheck {

    @Resource(lookup = "jdbc/fleet")
    DataSource database;

    @Inject
    Snapshots snapshots;

    @Override
    public HealthCheckResponse call() {
        boolean databaseUp = databaseAnswers();
        var snapshot = snapshots.ifPresent();
        var response = HealthCheckResponse.named("fleet")
                .withData("database", databaseUp ? "up" : "down")
                .withData("snapshot", snapshot.map(s -> s.takenAt().toString()).orElse("none yet"));
        return response.status(databaseUp && snapshot.isPresent()).build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            return result.next();
        } catch (Exception e) {
            return false;
        }
    }
}
