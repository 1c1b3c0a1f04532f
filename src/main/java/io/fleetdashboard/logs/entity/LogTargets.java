package io.fleetdashboard.logs.entity;

import java.util.List;

/** The containers of a multi-container view whose logs can be read, and a note line for each that cannot. */
public record LogTargets(List<LogTarget> targets, List<LogLine> notes) {
}
