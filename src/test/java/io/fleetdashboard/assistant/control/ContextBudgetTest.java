package io.fleetdashboard.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextBudgetTest {

    static List<ContextBudget.Row> rows(int n) {
        List<ContextBudget.Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(ContextBudget.Row.of("app-" + i, "{\"name\":\"app-" + i + "\",\"state\":\"running\"}"));
        }
        return rows;
    }

    @Test
    void tokensAreEstimatedAtFourCharactersEach() {
        assertEquals(0, ContextBudget.tokens(""));
        assertEquals(1, ContextBudget.tokens("abcd"));
        assertEquals(2, ContextBudget.tokens("abcde"));
        assertEquals(250, ContextBudget.tokens("x".repeat(1000)));
    }

    @Test
    void fiftyThousandRowsAreTrimmedToTheBudgetCountsFirstThenNamedRowsThenTheRest() {
        List<ContextBudget.Row> rows = rows(50_000);
        var trimmed = ContextBudget.trim("50000 of 50000 containers match", rows,
                "why is app-49999 slower than app-31337?", 1000, 50);
        assertTrue(ContextBudget.tokens(trimmed.text()) <= 1000, ContextBudget.tokens(trimmed.text()) + " tokens");
        assertTrue(trimmed.text().startsWith("50000 of 50000 containers match\n"), trimmed.text());
        assertTrue(trimmed.used().containsAll(List.of(49_999, 31_337)), "the rows the question names: " + trimmed.used());
        assertEquals(List.of(31_337, 49_999), trimmed.used().subList(0, 2), "named rows come first, in their order");
        assertEquals(0, trimmed.used().get(2), "then the others from the start");
        assertEquals(50_000 - trimmed.used().size(), trimmed.omitted());
        assertTrue(trimmed.text().endsWith(trimmed.omitted() + " more not shown (of 50000; narrow the look-up to "
                + "see them)\n"), trimmed.text());
    }

    @Test
    void aTinyBudgetKeepsTheCountsAndTheMarker() {
        var trimmed = ContextBudget.trim("3 match", rows(3), "", 5, 50);
        assertEquals(List.of(), trimmed.used());
        assertEquals("3 match\n3 more not shown (of 3; narrow the look-up to see them)\n", trimmed.text());
    }

    @Test
    void theRowLimitHoldsWhateverTheBudgetAndShortNamesAreNotMatched() {
        var trimmed = ContextBudget.trim("n", List.of(ContextBudget.Row.of("db", "db"),
                ContextBudget.Row.of("web", "web"), ContextBudget.Row.of("api", "api")), "the db feedback api", 10_000, 2);
        assertEquals(List.of(2, 0), trimmed.used(), "api is named; db is too short to look for");
        assertEquals(1, trimmed.omitted());
    }

    @Test
    void everythingFitsWithoutAMarker() {
        var trimmed = ContextBudget.trim("2 match", rows(2), null, 10_000, 50);
        assertEquals(List.of(0, 1), trimmed.used());
        assertEquals(0, trimmed.omitted());
        assertTrue(!trimmed.text().contains("more not shown"), trimmed.text());
    }

    @Test
    void aRowTooBigForItsShareIsSentInItsShorterFormRatherThanLeftOut() {
        String whole = "{\"name\":\"db-1\",\"environment\":\"" + "x".repeat(2000) + "\"}";
        String essentials = "{\"name\":\"db-1\",\"exitCode\":137}";
        var trimmed = ContextBudget.trim("container db-1", List.of(ContextBudget.Row.of("db-1", whole, essentials)),
                "why is db-1 failing?", 100, 50);
        assertEquals(List.of(0), trimmed.used());
        assertEquals(0, trimmed.omitted());
        assertEquals("container db-1\n" + essentials + "\n", trimmed.text());

        var roomy = ContextBudget.trim("container db-1", List.of(ContextBudget.Row.of("db-1", whole, essentials)),
                "", 10_000, 50);
        assertTrue(roomy.text().contains(whole), "the whole row when it fits");

        var tiny = ContextBudget.trim("container db-1", List.of(ContextBudget.Row.of("db-1", whole, essentials)),
                "", 5, 50);
        assertEquals(List.of(), tiny.used(), "neither form fits: counted as not shown");
        assertEquals(1, tiny.omitted());
    }
}
