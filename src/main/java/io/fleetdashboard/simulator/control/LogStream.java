package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code containers/{id}/logs}: a deterministic log per container (one line every logPeriodSeconds since it was
 * created, until it stopped), some lines on stderr with errors, exceptions, OOM text or secret-looking values.
 * Non-TTY containers use Docker's 8-byte multiplexed framing, TTY containers the raw stream. As Docker: 501 for
 * a container whose log driver is none ({@link #driver}), 409 for a dead one.
 */
public final class LogStream {

    public static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    public static final String RAW = "application/vnd.docker.raw-stream";
    /** Bounds an unbounded {@code tail=all} on long-running containers. */
    static final int MAX_LINES = 10_000;

    private LogStream() {
    }

    /** One 8-byte header frame: stream type, three zero bytes, big-endian payload length, payload. */
    public static void frame(ByteArrayOutputStream out, int stream, byte[] payload) {
        int n = payload.length;
        out.write(stream);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write((n >>> 24) & 0xFF);
        out.write((n >>> 16) & 0xFF);
        out.write((n >>> 8) & 0xFF);
        out.write(n & 0xFF);
        out.write(payload, 0, n);
    }

    /** Query options: since/until in epoch millis (0 = unbounded), tail &lt; 0 = all. */
    public record Options(boolean stdout, boolean stderr, long sinceMillis, long untilMillis, int tail,
            boolean timestamps) {
    }

    static String line(SimContainer c, long k) {
        if (Hostile.is(c)) {
            return Hostile.logLine(c, k);
        }
        long h = Seeds.mix(c.randomBits, k, 0x10);
        double r = Seeds.unit(h);
        String svc = c.service == null ? "app" : c.service;
        if (r < 0.03) {
            return "ERROR [" + svc + "] Unhandled exception in request " + Long.toHexString(h & 0xFFFFFF)
                    + ": java.lang.IllegalStateException: connection pool exhausted";
        }
        if (r < 0.04) {
            return "FATAL java.lang.OutOfMemoryError: Java heap space (OOM) while processing batch " + (k % 997);
        }
        if (r < 0.06) {
            return "WARN  [" + svc + "] retrying upstream call, attempt " + (1 + k % 4) + " failed with timeout";
        }
        if (r < 0.07) {
            return "DEBUG [" + svc + "] connecting to postgres://app:" + Seeds.hex(c.randomBits ^ 0x56, 16)
                    + "@db:5432/app";
        }
        if (r < 0.08) {
            return "INFO  [" + svc + "] outbound call with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9."
                    + Seeds.hex(h, 24);
        }
        if (r < 0.09) {
            return "ERROR [" + svc + "] panic: runtime error: invalid memory address or nil pointer dereference";
        }
        return "INFO  [" + svc + "] GET /api/items/" + Math.floorMod(h >>> 20, 5000L) + " 200 "
                + (2 + Math.floorMod(h >>> 40, 300L)) + "ms";
    }

    /** The log driver: "none" for about 3 % of the containers (Docker answers their logs with 501), else json-file. */
    public static String driver(SimContainer c) {
        return Seeds.unit(Seeds.mix(c.randomBits, 0x1D)) < 0.03 ? "none" : "json-file";
    }

    static boolean stderr(String line) {
        return line.startsWith("ERROR") || line.startsWith("FATAL") || line.startsWith("WARN");
    }

    /** Epoch millis of line k. */
    static long time(SimContainer c, long k) {
        return c.created + 1000L + k * c.logPeriodSeconds * 1000L + Math.floorMod(Seeds.mix(c.randomBits, k), 900L);
    }

    public static byte[] render(SimContainer c, ContainerRuntime rt, long nowMillis, Options o) {
        long end = rt.state().equals("created") ? c.created
                : rt.state().equals("running") || rt.state().equals("paused") ? nowMillis
                : Math.max(rt.finishedAt(), c.created);
        if (o.untilMillis() > 0) {
            end = Math.min(end, o.untilMillis());
        }
        long period = c.logPeriodSeconds * 1000L;
        long last = (end - c.created - 1000L - 900L) / period; // last index surely before end (jitter <= 900 ms)
        while (last + 1 >= 0 && time(c, last + 1) <= end) {
            last++;
        }
        while (last >= 0 && time(c, last) > end) {
            last--;
        }
        long first = 0;
        if (o.sinceMillis() > 0) {
            first = Math.max(0, (o.sinceMillis() - c.created - 1000L) / period - 1);
            while (first <= last && time(c, first) < o.sinceMillis()) {
                first++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (last < first) {
            return out.toByteArray();
        }
        // tail counts lines of the selected streams; walk backwards to find where the tail starts
        int wanted = o.tail() < 0 ? MAX_LINES : Math.min(o.tail(), MAX_LINES);
        long start = last + 1;
        int found = 0;
        while (start > first && found < wanted) {
            start--;
            if (selected(c, line(c, start), o)) {
                found++;
            }
        }
        for (long k = start; k <= last; k++) {
            String text = line(c, k);
            if (!selected(c, text, o)) {
                continue;
            }
            String payload = (o.timestamps() ? nanos(time(c, k)) + " " : "") + text + "\n";
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            if (c.tty) {
                out.write(bytes, 0, bytes.length);
            } else {
                frame(out, stderr(text) ? 2 : 1, bytes);
            }
        }
        return out.toByteArray();
    }

    private static boolean selected(SimContainer c, String text, Options o) {
        // with a TTY everything the container writes arrives on stdout
        return !c.tty && stderr(text) ? o.stderr() : o.stdout();
    }

    static String nanos(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        String base = Instant.ofEpochSecond(t.getEpochSecond()).toString(); // yyyy-MM-ddTHH:mm:ssZ
        return base.substring(0, base.length() - 1) + String.format(".%09dZ", t.getNano() + 417);
    }
}
