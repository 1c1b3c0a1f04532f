package io.fleetdashboard.remediation.entity;

import java.util.Locale;

/** Where a remediation action is: waiting for a decision, decided, running, done. */
public enum ActionStatus {
    PENDING, APPROVED, REJECTED, EXPIRED, EXECUTING, EXECUTED, FAILED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still waiting for someone: pending or approved (not yet run). */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
