package io.fleetdashboard.portainer.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerHealthTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "Up 3 days (healthy), HEALTHY",
            "Up 2 minutes (unhealthy), UNHEALTHY",
            "Up 5 seconds (health: starting), STARTING",
            "Up 2 hours, NONE",
            "Exited (137) 5 minutes ago, NONE",
            "Up 2 hours (Paused), NONE"})
    void healthIsReadFromTheDockerStatusText(String status, ContainerHealth expected) {
        assertEquals(expected, ContainerHealth.fromStatus(status));
    }

    @ParameterizedTest
    @CsvSource({"running, RUNNING", "EXITED, EXITED", "removing, REMOVING", "weird, UNKNOWN"})
    void stateIsParsedCaseInsensitively(String state, ContainerState expected) {
        assertEquals(expected, ContainerState.parse(state));
    }
}
