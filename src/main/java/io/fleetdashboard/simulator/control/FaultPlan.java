package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Route;
import io.fleetdashboard.simulator.entity.FaultRule;
import java.util.List;

/** Matches requests against the current fault rules; the first matching rule wins. */
final class FaultPlan {

    private FaultPlan() {
    }

    static boolean serverMatches(FaultRule rule, String server) {
        return rule.server() == null || rule.server().isBlank() || rule.server().equals("*")
                || rule.server().equals(server);
    }

    /** A server is down while a {@code down} rule names it (endpoint ids and routes do not apply to down). */
    static boolean down(List<FaultRule> rules, String server) {
        return rules.stream().anyMatch(r -> "down".equals(r.kind()) && serverMatches(r, server));
    }

    static FaultRule match(List<FaultRule> rules, long seed, String server, String path, Route route, long sequence) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.kind() == null || "down".equals(rule.kind()) || !serverMatches(rule, server)) {
                continue;
            }
            if (rule.endpointIds() != null && !rule.endpointIds().isEmpty()
                    && !rule.endpointIds().contains(route.endpointId())) {
                continue;
            }
            if (rule.route() != null && !rule.route().isBlank() && !routeMatches(rule.route(), path, route)) {
                continue;
            }
            double p = rule.probability() == null ? 1.0 : rule.probability();
            if (p < 1.0 && Seeds.unit(Seeds.mix(seed, i, path.hashCode(), sequence, 0xFA)) >= p) {
                continue;
            }
            return rule;
        }
        return null;
    }

    /**
     * bad_item: the answer with its first item spoiled the way a broken agent or proxy spoils one: the first
     * {@code "Created":<number>} becomes a text ({@code "Created":"not-a-date"}), everything else is unchanged.
     * An answer without such a field is returned as it is.
     */
    static byte[] spoilFirstItem(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher created = java.util.regex.Pattern.compile("\"Created\":-?\\d+").matcher(text);
        if (!created.find()) {
            return body;
        }
        return (text.substring(0, created.start()) + "\"Created\":\"not-a-date\"" + text.substring(created.end()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static boolean routeMatches(String prefix, String path, Route route) {
        if (prefix.startsWith("/api")) {
            return path.startsWith(prefix);
        }
        if (route.dockerPath() == null) {
            return false;
        }
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return route.dockerPath().startsWith(p);
    }
}
