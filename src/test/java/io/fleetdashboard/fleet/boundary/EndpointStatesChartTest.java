package io.fleetdashboard.fleet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.fleet.entity.EndpointStates;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointStatesChartTest {

    @Test
    void oneBarPerEndpointInOrderStackedByTheStatesThatOccur() {
        List<EndpointStates> bars = List.of(
                new EndpointStates("prod:1", "agent-1", "prod", 1,
                        Map.of(ContainerState.RUNNING, 5, ContainerState.EXITED, 2), 7),
                new EndpointStates("prod:2", "agent-2", "prod", 1, Map.of(ContainerState.RUNNING, 3), 3),
                new EndpointStates(null, "others", null, 4, Map.of(ContainerState.PAUSED, 1), 1));

        JsonObject chart;
        try (var reader = Json.createReader(new StringReader(EndpointStatesChart.json(bars)))) {
            chart = reader.readObject();
        }

        assertEquals("y", chart.getJsonObject("options").getString("indexAxis"), "horizontal bars");
        assertEquals(List.of("agent-1 (prod)", "agent-2 (prod)", "others (4 endpoints)"),
                chart.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonString::getString),
                "the item index of a click is the bar's index");
        JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals(List.of("running", "paused", "exited"), datasets.stream()
                .map(d -> d.asJsonObject().getString("label")).toList(), "only states that occur, in state order");
        assertEquals(List.of(5, 3, 0), datasets.getJsonObject(0).getJsonArray("data").stream()
                .map(v -> ((jakarta.json.JsonNumber) v).intValue()).toList());
        assertEquals(StateColors.of(ContainerState.RUNNING), datasets.getJsonObject(0).getString("backgroundColor"));
    }
}
