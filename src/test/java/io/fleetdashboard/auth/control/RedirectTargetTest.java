package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedirectTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/workloads.xhtml?env=prod&x=1", "/api/v1/x#frag"})
    void ownPathsAreKept(String next) {
        assertEquals(next, RedirectTarget.safe(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "http:/evil.example", "evil.example",
            "/\\evil.example", "\\\\evil.example", "/%2F%2Fevil.example", "/%2fevil.example", "javascript:alert(1)",
            "/ /evil", "/\t/evil.example", "", " /index.xhtml", "/signin.xhtml?next=//evil.example",
            "/x:y@evil.example", "/%5cevil.example"})
    void everythingElseBecomesRoot(String next) {
        assertEquals("/", RedirectTarget.safe(next));
    }

    @Test
    void nullBecomesRoot() {
        assertEquals("/", RedirectTarget.safe(null));
    }
}
