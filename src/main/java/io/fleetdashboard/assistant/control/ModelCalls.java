package io.fleetdashboard.assistant.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The fault tolerance around one model call: at most 4 in flight (a slow model never takes more of the server's
 * threads) and, after 3 of 4 calls failed, a 20 s pause instead of piling up. No retry: a retried stream would
 * repeat what was already shown. The time limit is the client's read timeout (LLM_TIMEOUT_SECONDS), between any two
 * pieces of a streamed answer.
 */
@ApplicationScoped
public class ModelCalls {

    @Bulkhead(4)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 20_000, successThreshold = 1,
            skipOn = io.fleetdashboard.assistant.entity.AnswerStoppedException.class)
    public <T> T call(Supplier<T> call) {
        return call.get();
    }
}
