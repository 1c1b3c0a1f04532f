package io.fleetdashboard.fleet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerFilterTest {

    @Test
    void aQueryBecomesParametersThatSelectItAgain() {
        ContainerQuery query = new ContainerQuery("tier=front end", "prod", "prod:3", "shop", null,
                ContainerHealth.UNHEALTHY, false, ContainerQuery.Sort.CREATED, true, true);

        Map<String, String> parameters = ContainerFilter.parameters(query);

        assertEquals("stopped", parameters.get("state"));
        assertEquals("unhealthy", parameters.get("health"));
        assertEquals("false", parameters.get("includeStopped"));
        assertEquals("created", parameters.get("sort"));
        assertEquals("desc", parameters.get("order"));
        assertEquals(query, ContainerFilter.query(parameters), "the address selects the same rows in the same order");
    }

    @Test
    void defaultsAreLeftOutOfTheAddress() {
        assertEquals(Map.of(), ContainerFilter.parameters(ContainerQuery.ALL));
        assertEquals("", ContainerFilter.queryString(Map.of()));
        assertEquals(ContainerQuery.ALL, ContainerFilter.query(Map.of()));
    }

    @Test
    void theQueryStringIsEncoded() {
        ContainerQuery query = new ContainerQuery("<script>&x=1", null, null, null, ContainerState.RUNNING, null,
                true, null, false);
        assertEquals("?search=%3Cscript%3E%26x%3D1&state=running",
                ContainerFilter.queryString(ContainerFilter.parameters(query)));
    }

    @Test
    void badValuesAreRefusedWithTheParametersName() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> ContainerFilter.query(Map.of("state", "sleeping")));
        assertTrue(e.getMessage().startsWith("state must be one of"), e.getMessage());
        assertThrows(BadRequestException.class, () -> ContainerFilter.query(Map.of("includeStopped", "maybe")));
        assertEquals(ContainerQuery.Sort.NAME, ContainerRows.sortField("nonsense"), "an unknown column sorts by name");
        assertEquals(ContainerQuery.Sort.CREATED, ContainerRows.sortField("created"));
    }
}
