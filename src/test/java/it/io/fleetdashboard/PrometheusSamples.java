package it.io.fleetdashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The labelled samples of the running server's application metrics, as Prometheus would scrape them. */
public final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+([-0-9.eE+]+|NaN)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusSamples() {
    }

    /** name → every sample of it: its labels (without mp_scope) and value. */
    public static Map<String, Map<Map<String, String>, Double>> scrape() {
        return parse(Api.get("/metrics?scope=application").body());
    }

    public static Map<String, Map<Map<String, String>, Double>> parse(String text) {
        Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();
        text.lines().forEach(line -> {
            Matcher m = SAMPLE.matcher(line.strip());
            if (m.matches()) {
                Map<String, String> labels = new HashMap<>();
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                labels.remove("mp_scope");
                samples.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(labels, Double.valueOf(m.group(3)));
            }
        });
        return samples;
    }

    /** The value of the one sample of {@code name} whose label {@code label} is {@code value}, or null. */
    public static Double value(Map<String, Map<Map<String, String>, Double>> samples, String name, String label,
                               String value) {
        return samples.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> value.equals(e.getKey().get(label))).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
