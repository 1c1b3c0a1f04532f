package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.TransientPortainerException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortainerErrorsTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}, retryable {2}")
    @CsvSource(delimiter = '|', value = {
            "401|{\"message\":\"Invalid JWT token\",\"details\":\"Unauthorized\"}|UNAUTHORIZED|false",
            "403|{\"message\":\"Access denied\",\"details\":\"Unauthorized\"}|FORBIDDEN|false",
            "404|{\"message\":\"No such container: abc\"}|NOT_FOUND|false",
            "500|{\"message\":\"Unable to get the active tunnel\",\"details\":\"Cannot open a tunnel for async edge environments\"}|EDGE_TUNNEL|false",
            "500|{\"message\":\"No Edge agent registered with the environment\",\"details\":\"No agent available\"}|EDGE_TUNNEL|false",
            "500|{\"message\":\"Unable to proxy the request via the Docker socket\"}|SERVER_ERROR|true",
            "409|{\"message\":\"can not get logs from container which is dead or marked for removal\"}|CONFLICT|false",
            "501|{\"message\":\"configured logging driver does not support reading\"}|NOT_SUPPORTED|false",
            "502||SERVER_ERROR|true",
            "503|Service Unavailable|SERVER_ERROR|true",
            "400|{\"message\":\"client version 1.41 is too old\"}|SERVER_ERROR|false"})
    void statusIsClassified(int status, String body, ErrorKind kind, boolean retryable) {
        PortainerException error = PortainerErrors.fromStatus("prod", Route.CONTAINERS, status, body);
        assertEquals(kind, error.kind());
        assertEquals(retryable, error instanceof TransientPortainerException);
        assertTrue(error.getMessage().contains("'prod'"), error.getMessage());
        assertTrue(error.getMessage().contains("HTTP " + status), error.getMessage());
    }

    @Test
    void portainersMessageIsQuotedShortly() {
        PortainerException error = PortainerErrors.fromStatus("prod", Route.ENDPOINTS, 401,
                "{\"message\":\"Invalid JWT token\",\"details\":\"Unauthorized\"}");
        assertEquals("Portainer 'prod' endpoints: API key rejected (HTTP 401): Invalid JWT token", error.getMessage());
        String longBody = "x".repeat(5000);
        assertTrue(PortainerErrors.fromStatus("prod", Route.ENDPOINTS, 503, longBody).getMessage().length() < 200);
    }

    @Test
    void timeoutsAreTimeouts() {
        assertEquals(ErrorKind.TIMEOUT, PortainerErrors.fromThrowable("e", Route.STACKS,
                new ProcessingException(new SocketTimeoutException("Read timed out"))).kind());
        PortainerException ft = PortainerErrors.fromThrowable("e", Route.STACKS, new TimeoutException("ft"));
        assertEquals(ErrorKind.TIMEOUT, ft.kind());
        assertInstanceOf(TransientPortainerException.class, ft);
    }

    @Test
    void connectionFailuresAreUnavailable() {
        PortainerException refused = PortainerErrors.fromThrowable("e", Route.STATUS,
                new ProcessingException("RESTEASY004655", new ConnectException("Connection refused")));
        assertEquals(ErrorKind.UNAVAILABLE, refused.kind());
        assertEquals("Portainer 'e' status: connection refused", refused.getMessage());
        assertInstanceOf(TransientPortainerException.class, refused);
        assertEquals(ErrorKind.UNAVAILABLE, PortainerErrors.fromThrowable("e", Route.STATUS,
                new IllegalStateException("something odd")).kind());
    }

    @Test
    void tlsFailuresAreUnavailableButNotRetried() {
        PortainerException tls = PortainerErrors.fromThrowable("e", Route.STATUS,
                new ProcessingException(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(ErrorKind.UNAVAILABLE, tls.kind());
        assertFalse(tls instanceof TransientPortainerException);
    }

    @Test
    void invalidOrTruncatedJsonIsMalformed() {
        assertEquals(ErrorKind.MALFORMED, PortainerErrors.fromThrowable("e", Route.CONTAINERS,
                new JsonbException("Unexpected end of input")).kind());
        assertEquals(ErrorKind.MALFORMED, PortainerErrors.fromThrowable("e", Route.CONTAINERS,
                new ProcessingException(new ConnectionClosedException("Premature end of Content-Length"))).kind());
        PortainerException truncated = assertThrowsMalformed("[{\"Id\":\"abc\",\"Names\":[\"/x\"");
        assertFalse(truncated instanceof TransientPortainerException, "never retried");
    }

    @Test
    void portainerExceptionsPassThrough() {
        PortainerException original = new PortainerException(ErrorKind.NOT_FOUND, "gone");
        assertSame(original, PortainerErrors.fromThrowable("e", Route.CONTAINERS, original));
    }

    private static PortainerException assertThrowsMalformed(String json) {
        try {
            WireJson.parse(json, Wire.Container[].class);
        } catch (RuntimeException e) {
            PortainerException error = PortainerErrors.fromThrowable("e", Route.CONTAINERS, e);
            assertEquals(ErrorKind.MALFORMED, error.kind());
            return error;
        }
        throw new AssertionError("parsed truncated JSON");
    }

    /** Stands in for Apache HttpClient's exception of the same simple name. */
    static final class ConnectionClosedException extends IOException {
        ConnectionClosedException(String message) {
            super(message);
        }
    }
}
