package io.fleetdashboard.fleet.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * Something an operator should look at, ranked when the snapshot is assembled.
 *
 * @param subject      the key of what it concerns: an environment name, an endpoint key or a container key
 * @param restartCount for a crash-looping container: Docker's restart count from inspect, null while not inspected
 * @param inspectedAt  when the inspect that restartCount (or an OOM kill) comes from was read, null when none
 */
public record Attention(Severity severity, Kind kind, String title, String detail, String subject,
                        Integer restartCount, Instant inspectedAt) implements Serializable {

    /** Without facts from inspect. */
    public Attention(Severity severity, Kind kind, String title, String detail, String subject) {
        this(severity, kind, title, detail, subject, null, null);
    }

    public enum Severity { CRITICAL, WARNING }

    /**
     * In the order they are listed, worst first: an unreachable environment hides the most (everything on it is
     * unknown), then what hides one endpoint, then what is wrong with one container.
     */
    public enum Kind {
        REFRESH_FAILED("environments could not be refreshed"),
        STACKS_FAILED("stack lists could not be read"),
        ENDPOINT_ERROR("endpoints could not be read"),
        ENDPOINT_OFFLINE("endpoints offline"),
        UNHEALTHY("containers unhealthy"),
        CRASH_LOOP("containers crash-looping"),
        EXITED_NON_ZERO("containers exited with an error"),
        OOM_KILLED("containers killed for running out of memory");

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
