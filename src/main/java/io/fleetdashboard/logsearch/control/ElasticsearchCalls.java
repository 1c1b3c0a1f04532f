package io.fleetdashboard.logsearch.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The fault tolerance around one search: at most 4 in flight (a slow Elasticsearch never takes more of the
 * server's threads), and after 3 of 4 searches failed the calls pause for 15 s instead of piling up. The time limit
 * is the client's read timeout (KIBANA_TIMEOUT_SECONDS); callers run the search off the request thread.
 */
@ApplicationScoped
public class ElasticsearchCalls {

    @Bulkhead(4)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1)
    public <T> T search(Supplier<T> call) {
        return call.get();
    }
}
