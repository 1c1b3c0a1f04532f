package io.fleetdashboard.simulator.control;

/**
 * A minimal streaming JSON writer over a StringBuilder: responses are generated per request straight from the
 * compact model, without building object graphs. Commas are tracked per nesting level.
 */
final class JsonText {

    private final StringBuilder out;
    private final boolean[] first = new boolean[64];
    private int depth;
    private boolean afterName;

    JsonText(StringBuilder out) {
        this.out = out;
    }

    JsonText() {
        this(new StringBuilder(1024));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first[depth]) {
                out.append(',');
            }
            first[depth] = false;
        }
    }

    JsonText obj() {
        separate();
        out.append('{');
        first[++depth] = true;
        return this;
    }

    JsonText arr() {
        separate();
        out.append('[');
        first[++depth] = true;
        return this;
    }

    JsonText end(char closing) {
        depth--;
        out.append(closing);
        return this;
    }

    JsonText endObj() {
        return end('}');
    }

    JsonText endArr() {
        return end(']');
    }

    JsonText name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonText obj(String name) {
        return name(name).obj();
    }

    JsonText arr(String name) {
        return name(name).arr();
    }

    JsonText val(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonText val(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonText val(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    JsonText raw(String json) {
        separate();
        out.append(json);
        return this;
    }

    JsonText str(String name, String value) {
        return name(name).val(value);
    }

    JsonText num(String name, long value) {
        return name(name).val(value);
    }

    JsonText num(String name, double value) {
        name(name);
        separate();
        out.append(value);
        return this;
    }

    JsonText bool(String name, boolean value) {
        return name(name).val(value);
    }

    JsonText nul(String name) {
        return name(name).raw("null");
    }

    JsonText rawField(String name, String json) {
        return name(name).raw(json);
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
