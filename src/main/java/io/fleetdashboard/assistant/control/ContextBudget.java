package io.fleetdashboard.assistant.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The budget of what is sent to a model (LLM_MAX_CONTEXT_TOKENS), estimated at 4 characters a token (a measure,
 * not a tokenizer), and the priority trimming of a look-up's result to fit its share: the counts first (always),
 * then the rows the question names, then the other rows in their order, as many as fit (a row too big for what is
 * left is sent in its shorter form when it has one); what is left out is counted in an "N more not shown" line.
 */
public final class ContextBudget {

    /** Roughly 4 characters a token. */
    public static int tokens(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    /** The estimate for messages: their texts and the tool calls they carry, and 4 tokens of framing each. */
    public static int tokens(java.util.List<io.fleetdashboard.assistant.entity.SentMessage> messages) {
        int total = 0;
        for (var m : messages) {
            total += 4 + tokens(m.content());
            for (var call : m.toolCalls()) {
                total += tokens(call.name()) + tokens(call.arguments()) + 4;
            }
        }
        return total;
    }

    /**
     * One row of a result: the name a question may mention, and the row as sent, made only when it is considered
     * (a look-up over 50,000 containers renders the few dozen that can fit, not all of them).
     */
    public record Row(String name, java.util.function.Supplier<String> text,
                      java.util.function.Supplier<String> shorter) {

        /**
         * @param shorter the row with its less important parts left out, sent when the whole row does not fit
         *                (a container's details without its environment), or null
         */
        public Row {
        }

        public Row(String name, java.util.function.Supplier<String> text) {
            this(name, text, null);
        }

        public static Row of(String name, String text) {
            return new Row(name, () -> text);
        }

        public static Row of(String name, String text, String shorter) {
            return new Row(name, () -> text, () -> shorter);
        }
    }

    /**
     * A trimmed result.
     *
     * @param text    the counts, the rows kept and the "more not shown" line, one per line
     * @param used    the indexes (into the rows given) of the rows kept, in the order sent
     * @param omitted how many rows were left out
     */
    public record Trimmed(String text, List<Integer> used, int omitted) {
    }

    /** Names shorter than this are not looked for in the question ("db" would match "feedback"). */
    static final int MIN_NAMED = 3;

    private ContextBudget() {
    }

    /**
     * @param counts    the counts line(s), always kept
     * @param rows      the rows in their order
     * @param question  the user's question: rows whose name it contains come first
     * @param maxTokens the share of the budget this result may take
     * @param maxRows   at most this many rows, whatever the budget
     */
    public static Trimmed trim(String counts, List<Row> rows, String question, int maxTokens, int maxRows) {
        String asked = question == null ? "" : question.toLowerCase(Locale.ROOT);
        List<Integer> named = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String name = rows.get(i).name();
            if (named(asked, name)) {
                named.add(i);
            } else {
                rest.add(i);
            }
        }
        StringBuilder out = new StringBuilder(counts.endsWith("\n") ? counts : counts + "\n");
        // the marker always fits: its room is kept back from the start
        int room = maxTokens * 4 - out.length() - marker(rows.size(), rows.size()).length();
        List<Integer> used = new ArrayList<>();
        for (List<Integer> group : List.of(named, rest)) {
            for (int i : group) {
                if (used.size() >= maxRows) {
                    break;
                }
                Row row = rows.get(i);
                String line = row.text().get() + "\n";
                if (line.length() > room && row.shorter() != null) {
                    line = row.shorter().get() + "\n";
                }
                if (line.length() > room) {
                    break;
                }
                out.append(line);
                room -= line.length();
                used.add(i);
            }
        }
        int omitted = rows.size() - used.size();
        if (omitted > 0) {
            out.append(marker(omitted, rows.size()));
        }
        return new Trimmed(out.toString(), List.copyOf(used), omitted);
    }

    /** The question names it: the whole name, not as a piece of a longer one ("app-4" is not in "app-49"). */
    static boolean named(String askedLowerCase, String name) {
        if (name == null || name.length() < MIN_NAMED) {
            return false;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int at = askedLowerCase.indexOf(wanted); at >= 0; at = askedLowerCase.indexOf(wanted, at + 1)) {
            int end = at + wanted.length();
            if ((at == 0 || !namePart(askedLowerCase.charAt(at - 1)))
                    && (end == askedLowerCase.length() || !namePart(askedLowerCase.charAt(end))
                    || end + 1 == askedLowerCase.length() && askedLowerCase.charAt(end) == '.')) {
                return true;
            }
        }
        return false;
    }

    private static boolean namePart(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    static String marker(int omitted, int total) {
        return omitted + " more not shown (of " + total + "; narrow the look-up to see them)\n";
    }
}
