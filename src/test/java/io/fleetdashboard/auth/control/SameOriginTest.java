package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void browsersThatSayCrossSiteAreRefused() {
        assertTrue(SameOrigin.crossSite("cross-site", null, "dash:9080"));
        assertTrue(SameOrigin.crossSite("same-site", null, "dash:9080"));
        assertTrue(SameOrigin.crossSite(null, "http://evil.example", "dash:9080"));
        assertTrue(SameOrigin.crossSite(null, "http://dash:9081", "dash:9080"));
        assertTrue(SameOrigin.crossSite(null, "null", "dash:9080"));
        assertFalse(SameOrigin.crossSite(null, null, "dash:9080"));
        assertFalse(SameOrigin.crossSite("same-origin", "http://dash:9080", "dash:9080"));
        assertFalse(SameOrigin.crossSite("none", null, "dash:9080"));
    }

    @Test
    void defaultPortsAndProxiesMatchTheHostHeader() {
        assertTrue(SameOrigin.matchesHost("https://dash.example.com", "dash.example.com"));
        assertTrue(SameOrigin.matchesHost("http://dash.example.com", "dash.example.com"));
        assertTrue(SameOrigin.matchesHost("https://dash.example.com", "dash.example.com:443"));
        assertTrue(SameOrigin.matchesHost("http://[::1]:9180", "[::1]:9180"));
        assertTrue(SameOrigin.matchesHost("http://LOCALHOST:9180", "localhost:9180"));
        assertFalse(SameOrigin.matchesHost("https://dash.example.com.evil", "dash.example.com"));
        assertFalse(SameOrigin.matchesHost("not a uri", "dash"));
        assertFalse(SameOrigin.matchesHost("http://dash", null));
    }

    @Test
    void apiChangesNeedPositiveProof() {
        assertFalse(SameOrigin.proven(null, null, "dash:9080", null));
        assertTrue(SameOrigin.proven(null, null, "dash:9080", "XMLHttpRequest"));
        assertTrue(SameOrigin.proven("same-origin", null, "dash:9080", null));
        assertTrue(SameOrigin.proven(null, "http://dash:9080", "dash:9080", null));
        assertFalse(SameOrigin.proven("cross-site", null, "dash:9080", "XMLHttpRequest"));
        assertFalse(SameOrigin.proven(null, "http://evil", "dash:9080", "XMLHttpRequest"));
    }
}
