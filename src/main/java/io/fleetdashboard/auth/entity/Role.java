package io.fleetdashboard.auth.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles in increasing order of power: each role includes everything the roles before it may do. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean includes(Role required) {
        return required == null || compareTo(required) >= 0;
    }

    /** The group name handed to the container, e.g. "operator". */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes, as container group names (so isCallerInRole("viewer") holds for admins). */
    public Set<String> groupNames() {
        return Arrays.stream(values()).filter(this::includes).map(Role::groupName).collect(Collectors.toUnmodifiableSet());
    }

    /** The most powerful role among group names; VIEWER when none is known. */
    public static Role highestOf(Set<String> groups) {
        Role best = VIEWER;
        for (Role role : values()) {
            if (groups.contains(role.groupName()) && role.includes(best)) {
                best = role;
            }
        }
        return best;
    }
}
