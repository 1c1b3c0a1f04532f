package io.fleetdashboard.api.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one CSV writer of every export (RFC 4180: comma, CRLF, quotes doubled), safe to open in a spreadsheet.
 * <p>
 * Formula injection: a cell whose text begins with {@code =}, {@code +}, {@code -}, {@code @}, TAB, CR or LF gets a
 * leading apostrophe, so a container named {@code =HYPERLINK(...)} stays text. A plain decimal number such as
 * {@code -3.5} is left alone: spreadsheets read it as a number, never as a formula, and prefixing it would turn
 * every negative value into text. Only {@code -?digits[.digits]} counts as such a number ({@code +1}, {@code -1+2},
 * {@code -2e3} are neutralised).
 */
public final class CsvTable {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private final StringBuilder out = new StringBuilder();

    public CsvTable(String... header) {
        row((Object[]) header);
    }

    /** Appends one row; null cells are empty, other cells their {@code toString()}. */
    public CsvTable row(Object... cells) {
        try {
            line(out, cells);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible); // a StringBuilder does not throw
        }
        return this;
    }

    public String text() {
        return out.toString();
    }

    /** The table as a download named fileName (characters other than letters, digits, '.', '-', '_' become '_'). */
    public Response download(String fileName) {
        return Response.ok(text(), MEDIA_TYPE).header("Content-Disposition", attachment(fileName)).build();
    }

    /**
     * A large table as a download written row by row while the response is sent: only the rows (references the
     * caller already holds) are in memory, never the text of the whole table.
     */
    public static <T> Response stream(String fileName, String[] header, Iterable<T> rows, Function<T, Object[]> cells) {
        return Response.ok(streamed(header, rows, cells), MEDIA_TYPE)
                .header("Content-Disposition", attachment(fileName)).build();
    }

    static <T> StreamingOutput streamed(String[] header, Iterable<T> rows, Function<T, Object[]> cells) {
        return output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
            line(writer, (Object[]) header);
            for (T row : rows) {
                line(writer, cells.apply(row));
            }
            writer.flush();
        };
    }

    private static void line(Appendable out, Object... cells) throws java.io.IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i] == null ? "" : cells[i].toString()));
        }
        out.append("\r\n");
    }

    /** "prefix_20261202_074500.csv": a download's name stamped with the (UTC) time of the data it holds. */
    public static String fileName(String prefix, java.time.Instant at) {
        return fileName(prefix, at, "csv");
    }

    /** The same with another extension ("txt" for log downloads). */
    public static String fileName(String prefix, java.time.Instant at, String extension) {
        return prefix + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(at) + "." + extension;
    }

    /** A Content-Disposition value for a download; the name reduced to letters, digits, '.', '-' and '_'. */
    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName.replaceAll("[^\\w.-]", "_") + "\"";
    }

    /** One cell, neutralised and quoted as needed. */
    static String cell(String value) {
        String cell = value;
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(cell).matches()) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
