package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.portainer.control.PortainerTimeoutTiers.Tiers;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortainerTimeoutTiersTest {

    private static PortainerTimeoutTiers source(Map<String, String> set) {
        return new PortainerTimeoutTiers(key -> Optional.ofNullable(set.get(key)));
    }

    private static Tiers tiers(Map<String, String> set) {
        PortainerTimeoutTiers source = source(set);
        return new Tiers(0, Integer.parseInt(source.getValue("portainer.connect.timeout.seconds")),
                Integer.parseInt(source.getValue("portainer.list.timeout.seconds")),
                Integer.parseInt(source.getValue("portainer.docker.timeout.seconds")),
                Integer.parseInt(source.getValue("portainer.endpoint.deadline.seconds")));
    }

    @Test
    void nothingSetKeepsTheTiers() {
        assertEquals(new Tiers(0, 5, 15, 20, 30), tiers(Map.of()));
        PortainerTimeoutTiers source = source(Map.of());
        assertEquals("15000", source.getValue(PortainerTimeoutTiers.FT_LIST));
        assertEquals("20000", source.getValue(PortainerTimeoutTiers.FT_DOCKER));
    }

    @Test
    void aShortTimeoutCapsEveryTier() {
        assertEquals(new Tiers(0, 5, 10, 10, 30), tiers(Map.of("portainer.timeout", "10")));
        assertEquals(new Tiers(0, 3, 3, 3, 30), tiers(Map.of("portainer.timeout", "2.5")));
        assertEquals("3000", source(Map.of("portainer.timeout", "2.5")).getValue(PortainerTimeoutTiers.FT_DOCKER));
        assertEquals("3000", source(Map.of("portainer.timeout", "2.5")).getValue(PortainerTimeoutTiers.FT_INTERACTIVE));
        assertEquals("5000", source(Map.of("portainer.timeout", "120")).getValue(PortainerTimeoutTiers.FT_INTERACTIVE));
    }

    @Test
    void aLongTimeoutRaisesTheTiersLeftAtTheirDefaults() {
        assertEquals(new Tiers(0, 5, 120, 120, 120), tiers(Map.of("portainer.timeout", "120.0")));
        assertEquals(new Tiers(0, 5, 15, 120, 120), tiers(Map.of("portainer.timeout", "120",
                "portainer.list.timeout.seconds", "15")));
    }

    @Test
    void anExplicitTierIsKeptButNeverAboveTheTimeout() {
        assertEquals(new Tiers(0, 5, 8, 20, 30), tiers(Map.of("portainer.list.timeout.seconds", "8")));
        assertEquals("40000", source(Map.of("portainer.timeout", "40", "portainer.docker.timeout.seconds", "90"))
                .getValue(PortainerTimeoutTiers.FT_DOCKER));
        assertEquals(new Tiers(0, 5, 15, 20, 12), tiers(Map.of("portainer.endpoint.deadline.seconds", "12")));
    }

    @Test
    void unusableValuesAreIgnored() {
        assertEquals(new Tiers(0, 5, 15, 20, 30), tiers(Map.of("portainer.timeout", "soon",
                "portainer.list.timeout.seconds", "-1", "portainer.docker.timeout.seconds", "1e30")));
    }
}
