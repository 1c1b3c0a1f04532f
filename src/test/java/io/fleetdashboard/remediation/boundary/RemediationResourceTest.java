package io.fleetdashboard.remediation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemediationResourceTest {

    @Test
    void theReasonIsAnOptionalStringInAJsonObject() {
        assertNull(RemediationResource.parseReason(null));
        assertNull(RemediationResource.parseReason("  "));
        assertNull(RemediationResource.parseReason("{}"));
        assertNull(RemediationResource.parseReason("{\"reason\":null}"));
        assertNull(RemediationResource.parseReason("{\"reason\":\"  \"}"));
        assertEquals("known issue", RemediationResource.parseReason("{\"reason\":\" known issue \"}"));
        assertThrows(IllegalArgumentException.class, () -> RemediationResource.parseReason("[1]"));
        assertThrows(IllegalArgumentException.class, () -> RemediationResource.parseReason("{\"reason\":1}"));
        assertThrows(IllegalArgumentException.class, () -> RemediationResource.parseReason("{not json"));
        assertThrows(IllegalArgumentException.class, () -> RemediationResource.parseReason("{\"reason\":\"" + "x".repeat(301)
                + "\"}"));
    }
}
