package io.fleetdashboard.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a page's URL filters leniently: a value the page does not know is ignored and said so in a message, the
 * page still renders (the JSON twins answer 400 instead).
 */
public final class PageParams {

    private PageParams() {
    }

    /** The constant named by value (any case), null when blank or unknown (said in a page message). */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        return choice(name, value, type, PageParams::message);
    }

    /** As {@link #choice(String, String, Class)}, telling ignored what was not understood. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, Consumer<String> ignored) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            ignored.accept(explain(name, value));
            return null;
        }
    }

    /** true / false, null when blank or anything else (said in a page message). */
    public static Boolean yesNo(String name, String value) {
        return yesNo(name, value, PageParams::message);
    }

    static Boolean yesNo(String name, String value, Consumer<String> ignored) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                ignored.accept(explain(name, value));
                yield null;
            }
        };
    }

    static String explain(String name, String value) {
        return explain(name, value, "every value");
    }

    static String explain(String name, String value, String instead) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "Unknown " + name + " \"" + shown + "\": showing " + instead + " instead.";
    }

    /** Says in a page message that a URL filter was not understood and what the page shows instead. */
    public static void ignored(String name, String value, String instead) {
        message(explain(name, value, instead));
    }

    private static void message(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Filter ignored", text));
        }
    }
}
