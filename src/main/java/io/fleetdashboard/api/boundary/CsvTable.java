package io.fleetdashboard.api.boundary;

import jakarta.ws.rs.core.Response;
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
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i] == null ? "" : cells[i].toString()));
        }
        out.append("\r\n");
        return this;
    }

    public String text() {
        return out.toString();
    }

    /** The table as a download named fileName (characters other than letters, digits, '.', '-', '_' become '_'). */
    public Response download(String fileName) {
        return Response.ok(text(), MEDIA_TYPE).header("Content-Disposition", attachment(fileName)).build();
    }

    static String attachment(String fileName) {
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
