package io.fleetdashboard.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Reads a page's URL filters leniently: a value the page does not know is ignored and said so in a message, the
 * page still renders (the JSON twins answer 400 instead).
 */
public final class PageParams {

    private PageParams() {
    }

    /** The constant named by value (any case), null when blank or unknown (with a message). */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            ignored(name, value);
            return null;
        }
    }

    /** true / false, null when blank or anything else (with a message). */
    public static Boolean yesNo(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                ignored(name, value);
                yield null;
            }
        };
    }

    private static void ignored(String name, String value) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Filter ignored",
                    "Unknown " + name + " \"" + shown + "\": showing every value instead."));
        }
    }
}
