package io.fleetdashboard.api.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    /** Pairs of (value, cell as written). */
    private static void cells(String... valuesAndCells) {
        for (int i = 0; i + 1 < valuesAndCells.length; i += 2) {
            assertEquals(valuesAndCells[i + 1], CsvTable.cell(valuesAndCells[i]), valuesAndCells[i]);
        }
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
        cells("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"",
                "+cmd", "'+cmd",
                "-2+3", "'-2+3",
                "@SUM(A1)", "'@SUM(A1)",
                "\tx", "'\tx",
                "\rx", "\"'\rx\"",
                "\nx", "\"'\nx\"",
                "+1", "'+1",
                "-2e3", "'-2e3",
                "-", "'-");
    }

    @Test
    void plainNumbersIncludingNegativeOnesStayNumbers() {
        cells("-3.5", "-3.5", "-3", "-3", "0.250", "0.250", "42", "42");
    }

    @Test
    void quotingFollowsRfc4180() {
        cells("plain", "plain", "a,b", "\"a,b\"", "say \"hi\"", "\"say \"\"hi\"\"\"", "two\r\nlines",
                "\"two\r\nlines\"", "", "");
    }

    @Test
    void rowsAndTheDownloadName() {
        CsvTable table = new CsvTable("name", "value").row("=1+1", -2.5).row(null, 3);
        assertEquals("name,value\r\n'=1+1,-2.5\r\n,3\r\n", table.text());
        assertEquals("attachment; filename=\"metrics-_evil__name__.._x.csv\"",
                CsvTable.attachment("metrics-=evil \"name\"/../x.csv"));
    }

    @Test
    void aStreamedTableIsWrittenExactlyAsABufferedOne() throws Exception {
        List<String[]> rows = List.of(new String[] {"=cmd()", "a,b"}, new String[] {"-3.5", "ünïcode \"q\""});
        StreamingOutput streamed = CsvTable.streamed(new String[] {"name", "value"}, rows, row -> row);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streamed.write(out);
        CsvTable buffered = new CsvTable("name", "value");
        rows.forEach(row -> buffered.row((Object[]) row));
        assertEquals(buffered.text(), out.toString(StandardCharsets.UTF_8));
        assertEquals("name,value\r\n'=cmd(),\"a,b\"\r\n-3.5,\"ünïcode \"\"q\"\"\"\r\n", buffered.text());
        assertEquals("attachment; filename=\"x_y.csv\"", CsvTable.attachment("x y.csv"));
    }
}
