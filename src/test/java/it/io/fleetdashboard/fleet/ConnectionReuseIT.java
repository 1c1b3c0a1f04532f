package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static it.io.fleetdashboard.Api.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A pooled client per environment: a refresh of 200 endpoints must not open a connection per request. */
class ConnectionReuseIT {

    private static final int CONCURRENCY_LIMIT = 16;

    @AfterAll
    static void restore() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        refresh();
    }

    @Test
    void aFullRefreshOf200EndpointsOpensNoMoreConnectionsThanTheConcurrencyLimit() {
        Api.simulator("config", "{\"servers\":1,\"endpoints\":200,\"containers\":5}");
        refresh(); // warms the pool: the counters then show what a steady-state refresh uses
        Api.simulator("reset", "{}"); // same settings and seed: the same world, counters at zero

        refresh();

        JsonObject server = object("/simulator/control/counters").getJsonArray("servers").getJsonObject(0);
        int requests = server.getInt("requests");
        int connections = server.getInt("connections");
        assertTrue(requests > 400, "a refresh of 200 endpoints sends hundreds of requests: " + server);
        assertTrue(connections <= CONCURRENCY_LIMIT,
                connections + " connections for " + requests + " requests (limit " + CONCURRENCY_LIMIT + ")");
        assertEquals(object("/simulator/control/truth").getInt("endpointsTotal"),
                object("/api/v1/dashboard/summary").getInt("endpointsTotal"));
    }
}
