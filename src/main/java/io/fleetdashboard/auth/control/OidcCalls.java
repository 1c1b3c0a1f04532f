package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.ProviderUnreachableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The fault tolerance of calls to the OpenID Connect provider (OidcGateway): an overall deadline, and a breaker that
 * opens after 3 of 4 calls found the provider unreachable, so sign-ins fail at once for 30 s instead of each waiting
 * for the connect timeout. An error answer of the provider (it is up) does not count.
 */
@ApplicationScoped
public class OidcCalls {

    static final long DEADLINE_MILLIS = 8_000;
    static final long PAUSE_MILLIS = 30_000;

    @Timeout(DEADLINE_MILLIS)
    @CircuitBreaker(failOn = ProviderUnreachableException.class, requestVolumeThreshold = 4, failureRatio = 0.75,
            delay = PAUSE_MILLIS, successThreshold = 1)
    public <T> T call(Supplier<T> request) {
        return request.get();
    }
}
