package io.fleetdashboard.simulator.entity;

import java.util.List;

/**
 * A fault injected at run time. {@code kind} is one of {@code down}, {@code http_502}, {@code http_500},
 * {@code hang}, {@code truncated_json}, {@code slow_body}, {@code latency}, {@code bad_item} (the first item of the
 * answer carries a text where Docker sends a number: its first {@code "Created"} becomes {@code "not-a-date"}). {@code server} is a simulated server name
 * (null or "*" = all). {@code endpointIds} limits the rule to requests about those endpoints (list/inspect by id
 * and the Docker proxy); {@code route} is a path prefix: starting with {@code /api} it is matched against the whole
 * path, otherwise against the Docker path behind {@code /api/endpoints/{id}/docker[/vX.Y]/} (e.g.
 * {@code containers/json}). {@code probability} (default 1) is drawn deterministically from the seed.
 * {@code durationMs} bounds a hang (absent = forever), {@code latencyMs} is the extra delay of {@code latency},
 * {@code bytesPerSecond} the rate of {@code slow_body} (default 2048), {@code status} overrides 500 for http_500.
 */
public record FaultRule(String kind, String server, List<Integer> endpointIds, String route, Double probability,
        Long durationMs, Long latencyMs, Integer bytesPerSecond, Integer status) {
}
