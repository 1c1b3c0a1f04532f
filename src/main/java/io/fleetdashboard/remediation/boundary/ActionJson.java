package io.fleetdashboard.remediation.boundary;

import io.fleetdashboard.remediation.entity.RemediationAction;
import java.time.Instant;

/** The API's view of a remediation action. */
public record ActionJson(long id, String status, String action, String target, String targetName, Long insightId,
                         String condition, String insightTitle, String insightSeverity, String rationale,
                         Instant createdAt, Instant expiresAt, String decidedBy, Instant decidedAt, String reason,
                         String executedBy, Instant executedAt, String result, boolean simulated) {

    static ActionJson of(RemediationAction a) {
        return new ActionJson(a.getId(), a.getStatus().apiName(), a.getAction().dockerName(), a.getTarget(),
                a.getTargetName(), a.getInsightId(), a.getConditionKey(), a.getInsightTitle(), a.getInsightSeverity(),
                a.getRationale(), a.createdAt(), a.expiresAt(), a.getDecidedBy(), a.decidedAt(), a.getReason(),
                a.getExecutedBy(), a.executedAt(), a.getResult(), a.isSimulated());
    }
}
