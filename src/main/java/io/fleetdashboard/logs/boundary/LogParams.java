package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.StreamChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The query parameters of the log routes, parsed with {@link QueryParams}: bad input is a 400 with a sentence. */
final class LogParams {

    /** The most containers one multi-container view reads at once. */
    static final int MAX_CONTAINERS = 10;

    private LogParams() {
    }

    static LogRequest request(String tail, String since, String timestamps, String stream, Instant now) {
        return request(tail, LogRequest.DEFAULT_TAIL, LogRequest.MIN_TAIL, since, timestamps, stream, now);
    }

    /** A follow starts with up to tail lines after since: none by default. */
    static LogRequest followRequest(String tail, String since, String timestamps, String stream, Instant now) {
        return request(tail, 0, 0, since, timestamps, stream, now);
    }

    private static LogRequest request(String tail, int defaultTail, int minTail, String since, String timestamps,
                                      String stream, Instant now) {
        return new LogRequest(
                QueryParams.intParam("tail", tail, defaultTail, minTail, LogRequest.MAX_TAIL),
                QueryParams.instant("since", since, now),
                flag("timestamps", timestamps, true),
                QueryParams.enumParam("stream", stream, StreamChoice.class, StreamChoice.BOTH));
    }

    /** true/false, also 1/0 as Docker's own parameters take them. */
    static boolean flag(String name, String value, boolean defaultValue) {
        if (value != null && (value.strip().equals("1") || value.strip().equals("0"))) {
            return value.strip().equals("1");
        }
        return QueryParams.booleanParam(name, value, defaultValue);
    }

    static ContainerKey key(String key) {
        return ContainerKey.parse(key).orElseThrow(() -> new BadRequestException(
                "A container key is environment:endpointId:containerId (Docker's hex id, 12 to 64 digits)."));
    }

    /** containers=k1,k2,…: one to MAX_CONTAINERS distinct keys. */
    static List<ContainerKey> keys(String containers) {
        if (QueryParams.absent(containers)) {
            throw new BadRequestException("containers is required: container keys separated by commas.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String part : containers.split(",")) {
            if (!part.isBlank()) {
                distinct.add(part.strip());
            }
        }
        if (distinct.isEmpty() || distinct.size() > MAX_CONTAINERS) {
            throw new BadRequestException("containers must name 1 to " + MAX_CONTAINERS + " container keys.");
        }
        List<ContainerKey> keys = new ArrayList<>();
        for (String k : distinct) {
            keys.add(key(k));
        }
        return keys;
    }
}
