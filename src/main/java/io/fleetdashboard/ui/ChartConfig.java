package io.fleetdashboard.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the JSON configuration of a chart for a page, so views say what they chart (labels, datasets, a few
 * options) and never assemble JSON by hand.
 *
 * <p>Chart.js charts (what {@code <p:chart value="...">} takes) start from {@link #bar()}, {@link #stackedBar()},
 * {@link #doughnut()} or {@link #line()}; data goes in through {@link #labels} and {@link #dataset}. Any other
 * option is set by its dotted path, e.g. {@code set("options.plugins.legend.position", "bottom")}, so a chart
 * library with a different option tree (ECharts' treemap or graph series) starts from {@link #options()} and is
 * built the same way. Values may be strings, numbers, booleans, null, lists, maps, {@link Dataset}s or JSON values.
 */
public final class ChartConfig {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Dataset> datasets = new ArrayList<>();

    private ChartConfig() {
    }

    /** A Chart.js chart of the given type ("bar", "doughnut", "line", "pie", ...), filling its box. */
    public static ChartConfig chartJs(String type) {
        ChartConfig chart = new ChartConfig();
        chart.set("type", Objects.requireNonNull(type, "type"));
        chart.set("data.labels", List.of());
        chart.set("data.datasets", chart.datasets);
        chart.set("options.maintainAspectRatio", false);
        return chart;
    }

    public static ChartConfig bar() {
        return chartJs("bar");
    }

    /** Bars whose datasets stack on one another (one dataset per part, e.g. per container state). */
    public static ChartConfig stackedBar() {
        return bar().set("options.scales.x.stacked", true).set("options.scales.y.stacked", true);
    }

    public static ChartConfig doughnut() {
        return chartJs("doughnut");
    }

    public static ChartConfig line() {
        return chartJs("line");
    }

    /** A bare option tree for a chart library other than Chart.js (e.g. ECharts' setOption). */
    public static ChartConfig options() {
        return new ChartConfig();
    }

    /** The category labels (Chart.js {@code data.labels}). */
    public ChartConfig labels(List<String> labels) {
        return set("data.labels", List.copyOf(labels));
    }

    public ChartConfig labels(String... labels) {
        return labels(Arrays.asList(labels));
    }

    /** Adds a dataset (Chart.js {@code data.datasets}); set its colours and options on the dataset. */
    public ChartConfig dataset(Dataset dataset) {
        datasets.add(Objects.requireNonNull(dataset, "dataset"));
        return this;
    }

    /** The legend at "top", "bottom", "left" or "right"; "none" hides it. */
    public ChartConfig legend(String position) {
        if ("none".equals(position)) {
            return set("options.plugins.legend.display", false);
        }
        return set("options.plugins.legend.position", position);
    }

    /** Bars along the y axis instead of the x axis (long category names read better). */
    public ChartConfig horizontal() {
        return set("options.indexAxis", "y");
    }

    /** Draws at once, without the entry animation. */
    public ChartConfig noAnimation() {
        return set("options.animation", false);
    }

    /** Any option by its dotted path, the objects on the way created as needed; a null value writes JSON null. */
    public ChartConfig set(String path, Object value) {
        put(root, path, value);
        return this;
    }

    /** The configuration as a JSON text. */
    public String json() {
        return toJson(root).toString();
    }

    @Override
    public String toString() {
        return json();
    }

    /** One series of values with its own label, colours and options. */
    public static final class Dataset {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Dataset() {
        }

        /** label may be null (a single unlabeled series, e.g. a doughnut's). */
        public static Dataset of(String label, List<? extends Number> values) {
            Dataset dataset = new Dataset();
            if (label != null) {
                dataset.fields.put("label", label);
            }
            dataset.fields.put("data", new ArrayList<Object>(values)); // may hold nulls: gaps in a line
            return dataset;
        }

        /** One colour for every value (fill and border). */
        public Dataset color(String color) {
            return set("backgroundColor", color).set("borderColor", color);
        }

        /** One fill colour per value, in the order of the labels. */
        public Dataset colors(List<String> colors) {
            return set("backgroundColor", List.copyOf(colors));
        }

        /** Any dataset option by its dotted path (e.g. "pointRadius", "stack"). */
        public Dataset set(String path, Object value) {
            put(fields, path, value);
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> node = target;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = node.get(keys[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                node.put(keys[i], next);
            }
            node = (Map<String, Object>) next;
        }
        node.put(keys[keys.length - 1], value);
    }

    private static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Dataset dataset) {
            return toJson(dataset.fields);
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof BigDecimal big) {
            return Json.createValue(big);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? Json.createValue(d) : JsonValue.NULL; // JSON has no NaN or infinity
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
    }
}
