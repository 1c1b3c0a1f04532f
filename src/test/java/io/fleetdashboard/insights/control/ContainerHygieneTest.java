package io.fleetdashboard.insights.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContainerHygieneTest {

    @Test
    void anImageWithoutATagOrByLatestMovesOneByVersionOrDigestDoesNot() {
        assertTrue(ContainerHygiene.latest("nginx"));
        assertTrue(ContainerHygiene.latest("nginx:latest"));
        assertTrue(ContainerHygiene.latest("registry.local:5000/team/app"), "the port is not a tag");
        assertFalse(ContainerHygiene.latest("registry.local:5000/team/app:1.4"));
        assertFalse(ContainerHygiene.latest("app@sha256:abc"));
        assertFalse(ContainerHygiene.latest(""));
    }
}
