package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    @Test
    void anAnswerUpToTheCapIsReadWhole() throws Exception {
        byte[] json = "[{\"Id\":\"é\"}]".getBytes(StandardCharsets.UTF_8);
        assertEquals("[{\"Id\":\"é\"}]", CappedBody.read(new ByteArrayInputStream(json), json.length, "p"));
    }

    @Test
    void aLargerAnswerIsCutOffAfterTheCapAndReportedMalformed() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return '[';
            }
        };
        PortainerException e = assertThrows(PortainerException.class,
                () -> CappedBody.read(endless, 1000, "Portainer 'prod' containers"));
        assertEquals(ErrorKind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("larger than 1000 bytes"), e.getMessage());
        assertTrue(read[0] <= 1001, "never buffered beyond the cap: " + read[0]);
    }
}
