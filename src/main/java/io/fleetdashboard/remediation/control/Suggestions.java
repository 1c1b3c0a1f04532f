package io.fleetdashboard.remediation.control;

import io.fleetdashboard.insights.control.InsightRules;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.remediation.entity.Suggestion;
import java.util.Optional;

/**
 * Which action an insight suggests for its one container: a restart for a crash loop, an unhealthy container or one
 * near its memory limit; a start for one that exited with an error or was OOM-killed; a stop for one that can take
 * over its host. Nothing for the others (an endpoint, an environment, an anomaly).
 */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<Suggestion> of(String kind) {
        return Optional.ofNullable(switch (kind) {
            case InsightRules.CRASH_LOOP -> new Suggestion(ContainerAction.RESTART,
                    "A restart resets Docker's back-off; it helps when the cause was transient (a dependency that "
                            + "was down). Read its logs first.");
            case InsightRules.UNHEALTHY -> new Suggestion(ContainerAction.RESTART,
                    "Its health check fails; a restart often clears a stuck process.");
            case InsightRules.MEMORY_SATURATION -> new Suggestion(ContainerAction.RESTART,
                    "A restart frees its memory before the OOM killer stops it; the growth will come back.");
            case InsightRules.EXITED_NON_ZERO, InsightRules.OOM_KILLED -> new Suggestion(ContainerAction.START,
                    "It is down; start it again once the cause (see its logs) is understood.");
            case InsightRules.POSTURE_CRITICAL -> new Suggestion(ContainerAction.STOP,
                    "It can take over its host; stop it until its configuration is tightened.");
            default -> null;
        });
    }
}
