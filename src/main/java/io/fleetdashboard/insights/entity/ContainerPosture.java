package io.fleetdashboard.insights.entity;

import io.fleetdashboard.containers.entity.PostureFinding;
import java.time.Instant;
import java.util.List;

/**
 * A container's security posture from its inspect: the findings, worst first, and a score (the higher, the worse:
 * 10 per critical, 3 per warning, 1 per info finding).
 */
public record ContainerPosture(String key, String name, String endpointKey, String endpointName, String stack,
                               String image, int score, List<PostureFinding> findings, Instant inspectedAt) {

    public ContainerPosture {
        findings = List.copyOf(findings);
    }

    public static int score(List<PostureFinding> findings) {
        int score = 0;
        for (PostureFinding f : findings) {
            score += switch (f.severity()) {
                case CRITICAL -> 10;
                case WARNING -> 3;
                case INFO -> 1;
            };
        }
        return score;
    }

    public boolean critical() {
        return findings.stream().anyMatch(f -> f.severity() == PostureFinding.Severity.CRITICAL);
    }
}
