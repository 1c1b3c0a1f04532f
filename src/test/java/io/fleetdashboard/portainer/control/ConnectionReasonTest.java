package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Why a connection test failed, as the environments page and POST …/test explain it. */
class ConnectionReasonTest {

    @Test
    void networkFailuresAreToldApartThroughTheirCauses() {
        assertEquals("dns", reason(new ProcessingException(new UnknownHostException("portainer.invalid"))));
        assertEquals("refused", reason(new ProcessingException(new ConnectException("Connection refused"))));
        assertEquals("tls", reason(new ProcessingException(new SSLHandshakeException("PKIX path building failed"))));
        assertEquals("timeout", reason(new ProcessingException(new SocketTimeoutException("Read timed out"))));
    }

    @Test
    void answersAreToldApartByTheirStatus() {
        assertEquals("unauthorized", PortainerErrors.reason(PortainerErrors.fromStatus("x", Route.ENDPOINTS, 401,
                "{\"message\":\"Invalid JWT token\"}")));
        assertEquals("forbidden", PortainerErrors.reason(PortainerErrors.fromStatus("x", Route.ENDPOINTS, 403, "")));
        assertEquals("server_error", PortainerErrors.reason(PortainerErrors.fromStatus("x", Route.STATUS, 404, "")));
    }

    @Test
    void everyReasonHasASentenceThatSaysWhatToCheck() {
        for (String reason : new String[] {"dns", "refused", "tls", "ca_bundle", "unauthorized", "forbidden",
                "timeout", "malformed", "server_error", "unavailable"}) {
            String sentence = PortainerErrors.explain(reason, "portainer.example.com", 8);
            assertFalse(sentence.isBlank(), reason);
            assertTrue(sentence.endsWith(".") || sentence.endsWith("?"), sentence);
        }
        assertTrue(PortainerErrors.explain("timeout", "h", 8).contains("8 s"));
        assertTrue(PortainerErrors.explain("unauthorized", "h", 8).contains("401"));
    }

    private static String reason(Throwable failure) {
        return PortainerErrors.reason(PortainerErrors.fromThrowable("x", Route.STATUS, failure));
    }
}
