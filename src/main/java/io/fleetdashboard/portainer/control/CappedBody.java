package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
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

    /**
     * The answer as a stream for a streaming parser: reading past the cap throws the same malformed
     * {@link PortainerException} as {@link #read(InputStream, int, String)}, so no more than the cap is ever read.
     */
    static InputStream stream(Response response, int maxBytes, String where) {
        InputStream in = response.hasEntity() ? response.readEntity(InputStream.class) : null;
        return capped(in == null ? InputStream.nullInputStream() : in, maxBytes, where);
    }

    static InputStream capped(InputStream in, int maxBytes, String where) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, (int) Math.min(length, maxBytes + 1L - read));
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) {
                    throw tooLarge(maxBytes, where);
                }
            }
        };
    }

    private static PortainerException tooLarge(int maxBytes, String where) {
        return new PortainerException(ErrorKind.MALFORMED, where + ": answer larger than " + maxBytes
                + " bytes (PORTAINER_MAX_RESPONSE_BYTES), cut off");
    }

    static String read(InputStream in, int maxBytes, String where) throws IOException {
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes, where);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
