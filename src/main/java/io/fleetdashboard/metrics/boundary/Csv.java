package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import java.util.List;
import java.util.Locale;

/** CSV (RFC 4180, comma, CRLF) of a series and of anomalies, for the API and the pages' export buttons. */
public final class Csv {

    private Csv() {
    }

    public static String series(Series series) {
        StringBuilder out = new StringBuilder("time,container,endpoint,metric,unit,value,min,max,samples\r\n");
        for (SeriesPoint p : series.points()) {
            row(out, p.at().toString(), series.container().name(), series.container().endpointName(),
                    series.metric(), series.unit(), number(p.value()), number(p.min()), number(p.max()),
                    Long.toString(p.samples()));
        }
        return out.toString();
    }

    public static String anomalies(List<Anomaly> anomalies) {
        StringBuilder out = new StringBuilder(
                "time,container,container_key,endpoint,metric,value,expected,score,direction,severity\r\n");
        for (Anomaly a : anomalies) {
            row(out, a.at().toString(), a.containerName(), a.containerKey(), a.endpointName(), a.metric().apiName(),
                    number(a.value()), number(a.expected()), number(a.score()), a.direction().apiName(),
                    a.severity().apiName());
        }
        return out.toString();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            // a leading =, +, - or @ would be a formula in a spreadsheet
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.append(cell);
        }
        out.append("\r\n");
    }
}
