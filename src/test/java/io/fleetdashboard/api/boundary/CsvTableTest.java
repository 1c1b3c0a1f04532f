package io.fleetdashboard.api.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
