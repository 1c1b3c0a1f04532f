package io.fleetdashboard.fleet.entity;

import java.io.Serializable;

/**
 * Something an operator should look at, ranked when the snapshot is assembled.
 *
 * @param subject the key of what it concerns: an environment name, an endpoint key or a container key
 */
public record Attention(Severity severity, Kind kind, String title, String detail, String subject)
        implements Serializable {

    public enum Severity { CRITICAL, WARNING }

    /**
     * In the order they are listed, worst first: an unreachable environment hides the most, a container that exited
     * with an error the least.
     */
    public enum Kind {
        REFRESH_FAILED("environments could not be refreshed"),
        STACKS_FAILED("stack lists could not be read"),
        ENDPOINT_ERROR("endpoints could not be read"),
        ENDPOINT_OFFLINE("endpoints offline"),
        CRASH_LOOP("containers crash-looping"),
        UNHEALTHY("containers unhealthy"),
        EXITED_NON_ZERO("containers exited with an error");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        /** "endpoints offline": what a count of this kind counts. */
        public String plural() {
            return plural;
        }
    }
}
