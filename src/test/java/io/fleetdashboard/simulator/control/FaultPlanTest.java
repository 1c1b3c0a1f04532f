package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.FaultRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static FaultRule rule(String kind, String server, List<Integer> ids, String route, Double p) {
        return new FaultRule(kind, server, ids, route, p, null, null, null, null);
    }

    private static FaultRule match(List<FaultRule> rules, String server, String path, long seq) {
        return FaultPlan.match(rules, 42, server, path, SimulatedPortainerRoutes.route(path), seq);
    }

    @Test
    void matchesByServerEndpointAndRoutePrefix() {
        List<FaultRule> rules = List.of(rule("http_502", "sim-1", List.of(3), "containers/json", null),
                rule("latency", null, null, "/api/endpoints", null));
        assertEquals("http_502", match(rules, "sim-1", "/api/endpoints/3/docker/v1.41/containers/json", 1).kind());
        assertEquals("latency", match(rules, "sim-1", "/api/endpoints/4/docker/containers/json", 1).kind());
        assertEquals("latency", match(rules, "sim-2", "/api/endpoints/3/docker/containers/json", 1).kind());
        assertNull(match(rules, "sim-1", "/api/stacks", 1));
    }

    @Test
    void probabilityIsADeterministicDraw() {
        List<FaultRule> rules = List.of(rule("http_500", "*", null, null, 0.3));
        int hits = 0;
        for (long seq = 0; seq < 1000; seq++) {
            boolean hit = match(rules, "sim-1", "/api/endpoints", seq) != null;
            assertEquals(hit, match(rules, "sim-1", "/api/endpoints", seq) != null);
            hits += hit ? 1 : 0;
        }
        assertTrue(hits > 200 && hits < 400, "hits " + hits);
    }

    @Test
    void downAppliesToWholeServers() {
        List<FaultRule> rules = List.of(rule("down", "sim-2", null, null, null));
        assertTrue(FaultPlan.down(rules, "sim-2"));
        assertFalse(FaultPlan.down(rules, "sim-1"));
        assertNull(match(rules, "sim-2", "/api/endpoints", 1));
    }

    @Test
    void aBadItemSpoilsOnlyTheFirstCreated() {
        byte[] body = "[{\"Id\":\"a\",\"Created\":1729700000},{\"Id\":\"b\",\"Created\":1729700001}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("[{\"Id\":\"a\",\"Created\":\"not-a-date\"},{\"Id\":\"b\",\"Created\":1729700001}]",
                new String(FaultPlan.spoilFirstItem(body), java.nio.charset.StandardCharsets.UTF_8));
        byte[] none = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("[]", new String(FaultPlan.spoilFirstItem(none), java.nio.charset.StandardCharsets.UTF_8));
    }
}
