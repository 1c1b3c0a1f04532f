package io.fleetdashboard.insights.entity;

import java.time.Instant;
import java.util.List;

/**
 * The language model's reading of a monitoring round: its findings (kept as insights of kind model_finding beside
 * the rules' ones; never remedied, alerted only where a channel names the kind), or why there is none
 * ({@code error}).
 *
 * @param dropped findings left out because they named no resource of the round, or were malformed
 */
public record ModelAnalysis(String model, boolean simulated, Instant at, List<ModelFinding> findings, int dropped,
                            String error) {

    public ModelAnalysis {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
