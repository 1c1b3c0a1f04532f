package io.fleetdashboard.insights.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExclusionsTest {

    @Test
    void aPlainPatternIsACaseInsensitiveSubstringAGlobMatchesTheWholeName() {
        Exclusions x = Exclusions.of(" edge-* , lab ", "", "Portainer_Agent,db-?");
        assertTrue(x.endpoint("edge-7"));
        assertFalse(x.endpoint("my-edge-7"), "a glob matches the whole name");
        assertTrue(x.endpoint("Berlin-LAB-2"), "substring, any case");
        assertTrue(x.container("prod", null, "portainer_agent_1"));
        assertTrue(x.container("prod", null, "db-1"));
        assertFalse(x.container("prod", null, "db-10"));
        assertTrue(x.container("edge-1", null, "web"), "on an excluded endpoint");
        assertFalse(x.container("prod", null, null));
    }

    @Test
    void regexCharactersInAPatternAreLiteral() {
        Exclusions x = Exclusions.of("", "a.b", "(x)*");
        assertTrue(x.container("e", "a.b", "c"));
        assertFalse(x.container("e", "axb", "c"));
        assertTrue(x.container("e", null, "(x)-1"));
    }
}
