package io.fleetdashboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.ui.ChartConfig.Dataset;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartConfigTest {

    private static JsonObject parse(ChartConfig chart) {
        try (var reader = Json.createReader(new StringReader(chart.json()))) {
            return reader.readObject();
        }
    }

    @Test
    void aDoughnutCarriesItsLabelsValuesColoursAndLegend() {
        JsonObject json = parse(ChartConfig.doughnut().labels("Online", "Offline")
                .dataset(Dataset.of(null, List.of(7, 2)).colors(List.of("#0f0", "#f00"))).legend("bottom"));

        assertEquals("doughnut", json.getString("type"));
        assertEquals(List.of("Online", "Offline"), json.getJsonObject("data").getJsonArray("labels")
                .getValuesAs(jakarta.json.JsonString::getString));
        JsonObject dataset = json.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertFalse(dataset.containsKey("label"), "an unlabeled dataset has no label key");
        assertEquals(7, dataset.getJsonArray("data").getInt(0));
        assertEquals(2, dataset.getJsonArray("data").getInt(1));
        assertEquals("#f00", dataset.getJsonArray("backgroundColor").getString(1));
        assertEquals("bottom", json.getJsonObject("options").getJsonObject("plugins").getJsonObject("legend")
                .getString("position"));
        assertFalse(json.getJsonObject("options").getBoolean("maintainAspectRatio"), "charts fill their box");
    }

    @Test
    void aStackedBarStacksBothAxesAndKeepsDatasetsInOrder() {
        JsonObject json = parse(ChartConfig.stackedBar().labels(List.of("a", "b"))
                .dataset(Dataset.of("running", List.of(3, 4)).color("#0f0"))
                .dataset(Dataset.of("exited", List.of(1, 0)).color("#999")).legend("none"));

        JsonObject scales = json.getJsonObject("options").getJsonObject("scales");
        assertTrue(scales.getJsonObject("x").getBoolean("stacked"));
        assertTrue(scales.getJsonObject("y").getBoolean("stacked"));
        var datasets = json.getJsonObject("data").getJsonArray("datasets");
        assertEquals("running", datasets.getJsonObject(0).getString("label"));
        assertEquals("exited", datasets.getJsonObject(1).getString("label"));
        assertEquals("#999", datasets.getJsonObject(1).getString("borderColor"));
        assertFalse(json.getJsonObject("options").getJsonObject("plugins").getJsonObject("legend")
                .getBoolean("display"));
    }

    @Test
    void aLineKeepsGapsAsNullAndNonFiniteNumbersBecomeNull() {
        JsonObject json = parse(ChartConfig.line().labels("t1", "t2", "t3")
                .dataset(Dataset.of("cpu", Arrays.asList(1.5, null, Double.NaN))).noAnimation());

        var data = json.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
        assertEquals(1.5, data.getJsonNumber(0).doubleValue());
        assertEquals(JsonValue.NULL, data.get(1));
        assertEquals(JsonValue.NULL, data.get(2));
        assertFalse(json.getJsonObject("options").getBoolean("animation"));
    }

    @Test
    void dottedPathsBuildNestedOptionsAndMergeWithExistingOnes() {
        JsonObject json = parse(ChartConfig.bar().set("options.scales.y.beginAtZero", true)
                .set("options.scales.y.ticks.precision", 0).horizontal());

        JsonObject y = json.getJsonObject("options").getJsonObject("scales").getJsonObject("y");
        assertTrue(y.getBoolean("beginAtZero"));
        assertEquals(0, y.getJsonObject("ticks").getInt("precision"));
        assertEquals("y", json.getJsonObject("options").getString("indexAxis"));
        assertFalse(json.getJsonObject("options").getBoolean("maintainAspectRatio"), "earlier options stay");
    }

    @Test
    void aBareOptionTreeServesOtherLibrariesWithListsAndMaps() {
        JsonObject json = parse(ChartConfig.options().set("tooltip.show", true)
                .set("series", List.of(Map.of("type", "treemap", "data",
                        List.of(Map.of("name", "web", "value", 12))))));

        assertFalse(json.containsKey("type"), "no Chart.js keys in a bare tree");
        assertTrue(json.getJsonObject("tooltip").getBoolean("show"));
        JsonObject series = json.getJsonArray("series").getJsonObject(0);
        assertEquals("treemap", series.getString("type"));
        assertEquals(12, series.getJsonArray("data").getJsonObject(0).getInt("value"));
    }

    @Test
    void labelsAreEscapedAsJsonStrings() {
        String hostile = "</script><script>alert(\"x\")</script>";
        JsonObject json = parse(ChartConfig.bar().labels(hostile).dataset(Dataset.of(hostile, List.of(1))));

        assertEquals(hostile, json.getJsonObject("data").getJsonArray("labels").getString(0));
        assertEquals(hostile, json.getJsonObject("data").getJsonArray("datasets").getJsonObject(0)
                .getString("label"));
    }

    @Test
    void aValueWithNoJsonFormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChartConfig.options().set("x", new Object()).json());
    }
}
