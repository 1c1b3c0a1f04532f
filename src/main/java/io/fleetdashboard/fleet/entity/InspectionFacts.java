package io.fleetdashboard.fleet.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * What Docker's inspect said about a container the list showed in trouble (crash-looping, or killed with exit
 * code 137): what containers/json cannot tell. Read in the background after a refresh, kept with the snapshot and
 * never newer than {@code inspectedAt}.
 *
 * @param restartCount how often Docker restarted it (State's RestartCount)
 * @param oomKilled    the kernel killed it for running out of memory (State.OOMKilled)
 * @param exitCode     State.ExitCode at that time
 */
public record InspectionFacts(int restartCount, boolean oomKilled, int exitCode, Instant inspectedAt)
        implements Serializable {
}
