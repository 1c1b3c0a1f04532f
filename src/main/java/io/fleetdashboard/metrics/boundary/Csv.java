package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import java.util.List;
import java.util.Locale;

/** The columns of the metrics exports (a series, anomalies), written by the shared {@link CsvTable}. */
public final class Csv {

    private Csv() {
    }

    public static CsvTable series(Series series) {
        CsvTable table = new CsvTable("time", "container", "endpoint", "metric", "unit", "value", "min", "max",
                "samples");
        for (SeriesPoint p : series.points()) {
            table.row(p.at(), series.container().name(), series.container().endpointName(), series.metric(),
                    series.unit(), number(p.value()), number(p.min()), number(p.max()), p.samples());
        }
        return table;
    }

    public static CsvTable anomalies(List<Anomaly> anomalies) {
        CsvTable table = new CsvTable("time", "container", "container_key", "endpoint", "metric", "value", "expected",
                "score", "direction", "severity");
        for (Anomaly a : anomalies) {
            table.row(a.at(), a.containerName(), a.containerKey(), a.endpointName(), a.metric().apiName(),
                    number(a.value()), number(a.expected()), number(a.score()), a.direction().apiName(),
                    a.severity().apiName());
        }
        return table;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
