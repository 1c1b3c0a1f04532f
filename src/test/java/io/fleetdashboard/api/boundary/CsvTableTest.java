package io.fleetdashboard.api.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvTable.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd", CsvTable.cell("+cmd"));
        assertEquals("'-2+3", CsvTable.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvTable.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvTable.cell("\tx"));
        assertEquals("\"'\rx\"", CsvTable.cell("\rx"));
        assertEquals("\"'\nx\"", CsvTable.cell("\nx"));
        assertEquals("'+1", CsvTable.cell("+1"));
        assertEquals("'-2e3", CsvTable.cell("-2e3"));
        assertEquals("'-", CsvTable.cell("-"));
    }

    @Test
    void plainNumbersIncludingNegativeOnesStayNumbers() {
        assertEquals("-3.5", CsvTable.cell("-3.5"));
        assertEquals("-3", CsvTable.cell("-3"));
        assertEquals("0.250", CsvTable.cell("0.250"));
        assertEquals("42", CsvTable.cell("42"));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", CsvTable.cell("plain"));
        assertEquals("\"a,b\"", CsvTable.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTable.cell("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvTable.cell("two\r\nlines"));
        assertEquals("", CsvTable.cell(""));
    }

    @Test
    void rowsAndTheDownload() {
        CsvTable table = new CsvTable("name", "value").row("=1+1", -2.5).row(null, 3);
        assertEquals("name,value\r\n'=1+1,-2.5\r\n,3\r\n", table.text());
        assertEquals("attachment; filename=\"metrics-_evil__name__.._x.csv\"",
                CsvTable.attachment("metrics-=evil \"name\"/../x.csv"));
    }
}
