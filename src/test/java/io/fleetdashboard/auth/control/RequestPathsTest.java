package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void canonicalPathIsServletPathPlusPathInfo() {
        assertEquals("/api/v1/me", RequestPaths.canonical("/api", "/v1/me"));
        assertEquals("/index.xhtml", RequestPaths.canonical("/index.xhtml", null));
        assertEquals("/", RequestPaths.canonical("", null));
        assertEquals("/", RequestPaths.canonical("", "/"));
    }

    @Test
    void pathsThatDecodeOrNormaliseToSomethingElseAreRefused() {
        for (String raw : new String[] {"/signin.xhtml/../index.xhtml", "/jakarta.faces.resource/../index.xhtml",
                "/simulator/%63ontrol/truth", "/simulator/./control/truth", "/simulator/control/.", "/a/..",
                "/api//v1/me", "//index.xhtml", "/index.xhtml;jsessionid=1", "/api/v1;x=1/me", "/a%2fb", "/a%2Fb",
                "/a%2e%2e/b", "/%2e/index.xhtml", "/a%5cb", "/a\\b", "/a%3bb", "/a%25b", "/a%00b", "/a%zz", "/a%4",
                "/api/v1/m%65", "/a%7e", "relative"}) {
            assertTrue(RequestPaths.refusal(raw).isPresent(), raw);
        }
    }

    @Test
    void ordinaryPathsAndNeededEscapesPass() {
        for (String raw : new String[] {"/", "/index.xhtml", "/api/v1/metrics/containers/sim-1:12:abc",
                "/api/v1/environments/My%20Env/status", "/api/v1/environments/caf%C3%A9/status",
                "/jakarta.faces.resource/theme.css.xhtml", "/api/v1/endpoints/", "/file.name.with.dots",
                "/a%3Ab", "/a%20b"}) {
            assertTrue(RequestPaths.refusal(raw).isEmpty(), raw);
        }
    }
}
