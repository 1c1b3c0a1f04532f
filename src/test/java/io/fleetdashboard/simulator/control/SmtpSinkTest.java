package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void quotedPrintableSoftBreaksAndUtf8BytesAreDecoded() {
        assertEquals("Condition: posture_critical:sim-1:3:abc Grüße",
                SmtpSink.quotedPrintable("Condition: posture_critical:si=\r\nm-1:3:abc Gr=C3=BC=C3=9Fe"));
        assertEquals("a=b", SmtpSink.quotedPrintable("a=3Db"));
    }

    @Test
    void headersAreFoundCaseInsensitivelyWithFoldedLinesJoined() {
        String headers = "From: a@b.c\r\nsubject: [Fleet Dashboard]\r\n  [CRITICAL] x\r\nTo: d@e.f";
        assertEquals("[Fleet Dashboard] [CRITICAL] x", SmtpSink.header(headers, "Subject"));
        assertNull(SmtpSink.header(headers, "Cc"));
    }
}
