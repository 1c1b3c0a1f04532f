package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.TransientPortainerException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns HTTP answers and exceptions into {@link PortainerException}s with the right {@link ErrorKind}
 * (docs/portainer.md: "Authentication and errors", "The Docker proxy"). Messages are short, name the environment and
 * the HTTP status, and never hold the key (Portainer's own message is quoted, truncated).
 */
final class PortainerErrors {

    private static final int MAX_QUOTE = 120;

    private PortainerErrors() {
    }

    static PortainerException fromStatus(String environment, Route route, int status, String body) {
        String where = "Portainer '" + environment + "' " + route.tag();
        String quote = quote(body);
        return switch (status) {
            case 401 -> new PortainerException(ErrorKind.UNAUTHORIZED,
                    where + ": API key rejected (HTTP 401)" + quote);
            case 403 -> new PortainerException(ErrorKind.FORBIDDEN, where + ": access denied (HTTP 403)" + quote);
            case 404 -> new PortainerException(ErrorKind.NOT_FOUND, where + ": not found (HTTP 404)" + quote);
            // Docker: the container's state does not allow it (kill of a stopped container, logs of a dead one)
            case 409 -> new PortainerException(ErrorKind.CONFLICT, where + ": not possible now (HTTP 409)" + quote);
            // Docker: the container's log driver ("none", or one that only ships elsewhere) keeps nothing to read
            case 501 -> new PortainerException(ErrorKind.NOT_SUPPORTED,
                    where + ": not supported for this container (HTTP 501)" + quote);
            default -> {
                if (status == 500 && body != null && (body.contains("Unable to get the active tunnel")
                        || body.contains("No Edge agent registered"))) {
                    yield new PortainerException(ErrorKind.EDGE_TUNNEL,
                            where + ": edge agent not reachable (HTTP 500)" + quote);
                }
                if (status >= 500) {
                    yield new TransientPortainerException(ErrorKind.SERVER_ERROR,
                            where + ": server error (HTTP " + status + ")" + quote);
                }
                // other 3xx/4xx: our request or a proxy in between is wrong; repeating it will not help
                yield new PortainerException(ErrorKind.SERVER_ERROR,
                        where + ": unexpected answer (HTTP " + status + ")" + quote);
            }
        };
    }

    static PortainerException fromThrowable(String environment, Route route, Throwable failure) {
        String where = "Portainer '" + environment + "' " + route.tag();
        if (failure instanceof PortainerException portainer) {
            return portainer;
        }
        if (failure instanceof TimeoutException) {
            return new TransientPortainerException(ErrorKind.TIMEOUT, where + ": no answer in time", failure);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new PortainerException(ErrorKind.CIRCUIT_OPEN, where + ": paused after repeated failures", failure);
        }
        if (failure instanceof BulkheadException) {
            return new PortainerException(ErrorKind.OVERLOADED, where + ": too many requests in flight", failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return new PortainerException(ErrorKind.MALFORMED, where + ": invalid JSON in the answer", failure);
            }
            String type = cause.getClass().getSimpleName();
            if (type.equals("ConnectionClosedException") || type.equals("TruncatedChunkException")) {
                return new PortainerException(ErrorKind.MALFORMED, where + ": answer cut short", failure);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                // Apache's ConnectTimeoutException is an InterruptedIOException as well
                return new TransientPortainerException(ErrorKind.TIMEOUT, where + ": no answer in time", failure);
            }
            if (cause instanceof SSLException) {
                return new PortainerException(ErrorKind.UNAVAILABLE,
                        where + ": TLS failed (untrusted certificate? verify SSL can be turned off)", failure);
            }
            if (cause instanceof ConnectException) {
                return new TransientPortainerException(ErrorKind.UNAVAILABLE, where + ": connection refused", failure);
            }
            if (cause instanceof UnknownHostException) {
                return new TransientPortainerException(ErrorKind.UNAVAILABLE, where + ": unknown host", failure);
            }
            if (cause instanceof IOException) {
                return new TransientPortainerException(ErrorKind.UNAVAILABLE, where + ": network error", failure);
            }
        }
        return new TransientPortainerException(ErrorKind.UNAVAILABLE, where + ": request failed", failure);
    }

    /**
     * Why a connection test failed, for people and tests: dns, refused, tls, timeout (from the cause chain), else
     * from the kind: unauthorized, forbidden, malformed, server_error, unavailable.
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "dns";
            }
            if (cause instanceof ConnectException) {
                return "refused";
            }
            if (cause instanceof SSLException) {
                return "tls";
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException
                    || cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
        }
        if (failure instanceof PortainerException portainer) {
            return switch (portainer.kind()) {
                case UNAUTHORIZED -> "unauthorized";
                case FORBIDDEN -> "forbidden";
                case TIMEOUT -> "timeout";
                case MALFORMED -> "malformed";
                case SERVER_ERROR, NOT_FOUND -> "server_error";
                default -> "unavailable";
            };
        }
        return "unavailable";
    }

    /** The sentence a connection test shows for a {@link #reason}: what failed and what to check. */
    static String explain(String reason, String host, int seconds) {
        return switch (reason) {
            case "dns" -> "The host name " + host + " cannot be resolved (DNS): check the URL.";
            case "refused" -> "Connection refused by " + host + ": nothing listens at that address and port "
                    + "(check the URL and port, and that Portainer runs).";
            case "tls" -> "TLS failed: the server's certificate is not trusted or does not match " + host
                    + " (add its CA bundle, or turn certificate verification off).";
            case "ca_bundle" -> "The CA bundle cannot be used: it holds no readable PEM certificate.";
            case "unauthorized" -> "Portainer rejected the API key (HTTP 401): create an access token in Portainer "
                    + "(My account, Access tokens) and enter it again.";
            case "forbidden" -> "Portainer denied access (HTTP 403): the key's user may not list endpoints.";
            case "timeout" -> "No answer from " + host + " within " + seconds + " s (a firewall dropping packets, "
                    + "or an overloaded server).";
            case "malformed" -> "The answer is not Portainer's (invalid JSON): is the URL that of Portainer's API?";
            case "server_error" -> "Portainer answered with an error: is the URL that of Portainer's API (…/api)?";
            default -> "Portainer at " + host + " cannot be reached.";
        };
    }

    /** Portainer's {"message": ...} (or a text body) as a short suffix; empty when there is none. */
    private static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        int key = text.indexOf("\"message\"");
        if (key >= 0) {
            int start = text.indexOf('"', text.indexOf(':', key) + 1);
            int end = start < 0 ? -1 : text.indexOf('"', start + 1);
            if (start >= 0 && end > start) {
                text = text.substring(start + 1, end);
            }
        }
        text = text.replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text);
    }
}
