package bench.io.fleetdashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the figures of one benchmark run, prints them as an aligned table and writes target/bench/results.json
 * (one object per figure). ratio = ours / baseline; boundRatio = ours / bound. Targets are reported as PASS or
 * MISS, never asserted: timings on a shared machine are not test outcomes.
 */
public final class BenchReport {

    public static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench"));

    /** One measured figure. baseline and bound may be null; target null means the figure has no target. */
    public record Figure(String name, String unit, double ours, Double baseline, Double bound, String target,
                         Boolean pass, Map<String, Object> parameters) {

        public Double ratio() {
            return baseline == null || baseline == 0 ? null : ours / baseline;
        }

        public Double boundRatio() {
            return bound == null || bound == 0 ? null : ours / bound;
        }
    }

    private static final List<Figure> FIGURES = new ArrayList<>();
    private static final Map<String, Object> RUN = new LinkedHashMap<>();

    private BenchReport() {
    }

    public static synchronized void run(String key, Object value) {
        RUN.put(key, value);
    }

    public static synchronized Figure add(String name, String unit, double ours, Double baseline, Double bound,
                                          String target, Boolean pass, Map<String, Object> parameters) {
        Figure figure = new Figure(name, unit, ours, baseline, bound, target, pass, new LinkedHashMap<>(parameters));
        FIGURES.add(figure);
        System.out.println("[bench] " + name + ": " + format(ours) + " " + unit
                + (baseline == null ? "" : " (baseline " + format(baseline) + ")")
                + (bound == null ? "" : " (bound " + format(bound) + ")") + " " + parameters);
        return figure;
    }

    /** Drops the figures from index {@code from} on (a section that has to be repeated). */
    public static synchronized void dropFrom(int from) {
        while (FIGURES.size() > from) {
            FIGURES.remove(FIGURES.size() - 1);
        }
    }

    public static synchronized List<Figure> figures() {
        return List.copyOf(FIGURES);
    }

    /** The aligned table, as printed and as quoted in the README. */
    public static synchronized String table() {
        String[] header = {"figure", "unit", "ours", "baseline", "bound", "ours/base", "ours/bound", "target",
                "result"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (Figure f : FIGURES) {
            rows.add(new String[] {f.name(), f.unit(), format(f.ours()), format(f.baseline()), format(f.bound()),
                    ratio(f.ratio()), ratio(f.boundRatio()), f.target() == null ? "" : f.target(),
                    f.pass() == null ? "" : f.pass() ? "PASS" : "MISS"});
        }
        int[] width = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i <= 6;
                String cell = numeric ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int i = 0; i < row.length; i++) {
                    out.append(i >= 2 && i <= 6 ? "-".repeat(width[i] + 1) + ":|" : "-".repeat(width[i] + 2) + "|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Prints the table and writes results.json and results.md under target/bench. */
    public static synchronized void finish() {
        String table = table();
        System.out.println();
        System.out.println("Fleet Dashboard benchmarks (" + Instant.now() + ")");
        System.out.println(table);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("results.md"), table, StandardCharsets.UTF_8);
            JsonArrayBuilder figures = Json.createArrayBuilder();
            for (Figure f : FIGURES) {
                JsonObjectBuilder o = Json.createObjectBuilder().add("name", f.name()).add("unit", f.unit());
                number(o, "ours", f.ours());
                number(o, "baseline", f.baseline());
                number(o, "bound", f.bound());
                number(o, "ratio", f.ratio());
                number(o, "boundRatio", f.boundRatio());
                if (f.target() != null) {
                    o.add("target", f.target());
                    o.add("result", f.pass() ? "PASS" : "MISS");
                }
                JsonObjectBuilder parameters = Json.createObjectBuilder();
                f.parameters().forEach((k, v) -> {
                    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                        parameters.addNull(k);
                    } else if (v instanceof Double || v instanceof Float) {
                        parameters.add(k, ((Number) v).doubleValue());
                    } else if (v instanceof Number n) {
                        parameters.add(k, n.longValue());
                    } else if (v instanceof Boolean b) {
                        parameters.add(k, b);
                    } else {
                        parameters.add(k, String.valueOf(v));
                    }
                });
                o.add("parameters", parameters);
                figures.add(o);
            }
            JsonObjectBuilder root = Json.createObjectBuilder().add("generatedAt", Instant.now().toString())
                    .add("run", Json.createObjectBuilder(RUN)).add("figures", figures);
            JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
            try (Writer writer = Files.newBufferedWriter(DIR.resolve("results.json"), StandardCharsets.UTF_8)) {
                writers.createWriter(writer).write(root.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonObjectBuilder o, String key, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }

    public static String format(Double value) {
        if (value == null) {
            return "";
        }
        double v = value;
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String ratio(Double value) {
        return value == null ? "" : format(value) + "x";
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
