package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Portainer answer up to a size cap (PORTAINER_MAX_RESPONSE_BYTES): never more than the cap plus one byte is
 * buffered, and a larger answer is cut off and reported as malformed instead of being held in memory whole.
 */
final class CappedBody {

    private CappedBody() {
    }

    static String read(Response response, int maxBytes, String where) {
        if (!response.hasEntity()) {
            return "";
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            return read(in, maxBytes, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(InputStream in, int maxBytes, String where) throws IOException {
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new PortainerException(ErrorKind.MALFORMED, where + ": answer larger than " + maxBytes
                    + " bytes (PORTAINER_MAX_RESPONSE_BYTES), cut off");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
