package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.TransientPortainerException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * MP Fault Tolerance for single Portainer requests: one method per timeout tier. Timeouts and retries only, since
 * they keep no state shared across environments (breaker and bulkhead: {@link EnvironmentGuard}).
 * <p>
 * The annotation values are fallbacks; the effective ones come from microprofile-config.properties, e.g.
 * {@code io.fleetdashboard.portainer.control.PortainerCalls/list/Timeout/value=${portainer.list.timeout.seconds}000}
 * (an MP Config property expression: FT reads its overrides through MP Config, so the expression is expanded and
 * PORTAINER_LIST_TIMEOUT_SECONDS=10 gives a 10000 ms timeout). Whole seconds only.
 * <p>
 * Retries: only {@link TransientPortainerException} (5xx, I/O, timeouts) and FT timeouts; never 4xx, edge tunnel
 * or malformed answers, which are plain PortainerExceptions. Use {@link #write} for non-idempotent requests.
 * <p>
 * Caveat: the HTTP read timeout is set per client to the largest tier; a synchronous FT timeout interrupts the
 * calling thread, but a blocking socket read only notices when it returns, so the list tier is enforced as an
 * error (and a retry decision) rather than by cutting the read short.
 */
@ApplicationScoped
public class PortainerCalls {

    @Timeout(15_000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100,
            retryOn = {TransientPortainerException.class, TimeoutException.class})
    public <T> T list(Supplier<T> request) {
        return request.get();
    }

    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100,
            retryOn = {TransientPortainerException.class, TimeoutException.class})
    public <T> T docker(Supplier<T> request) {
        return request.get();
    }

    /** A user waits (container details): a short deadline, no retry (the user can reload). */
    @Timeout(5_000)
    public <T> T interactive(Supplier<T> request) {
        return request.get();
    }

    /** start/stop/restart and other non-idempotent requests: never retried. */
    @Timeout(30_000)
    public <T> T write(Supplier<T> request) {
        return request.get();
    }
}
