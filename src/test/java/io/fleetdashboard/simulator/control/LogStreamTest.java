package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimContainer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStreamTest {

    record Frame(int stream, String text) {
    }

    static List<Frame> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Frame> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            int stream = in.get();
            assertEquals(0, in.get());
            assertEquals(0, in.get());
            assertEquals(0, in.get());
            int length = in.getInt();
            byte[] payload = new byte[length];
            in.get(payload);
            frames.add(new Frame(stream, new String(payload, StandardCharsets.UTF_8)));
        }
        return frames;
    }

    @Test
    void frameHeaderMatchesDockersExample() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogStream.frame(out, 1, "hello\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 6, 'h', 'e', 'l', 'l', 'o', '\n'}, out.toByteArray());
    }

    private static SimContainer container(World world, boolean tty) {
        return world.servers().get(0).endpoints().stream().flatMap(e -> e.containers().stream())
                .filter(c -> c.tty == tty && c.runtime().state().equals("running")).findFirst().orElseThrow();
    }

    @Test
    void multiplexedLogsDecodeIntoTailLinesOnBothStreams() {
        World world = SimulatorFixture.world(1, 20, 20, false, 42);
        SimContainer c = container(world, false);
        long now = SimulatorFixture.EPOCH;
        List<Frame> frames = decode(LogStream.render(c, c.runtime(), now,
                new LogStream.Options(true, true, 0, 0, 200, true)));
        assertEquals(200, frames.size());
        assertTrue(frames.stream().allMatch(f -> f.text().endsWith("\n") && f.text().matches("^\\d{4}-.*Z .*\\n$")));
        assertTrue(frames.stream().anyMatch(f -> f.stream() == 2), "some stderr");
        List<Frame> errorsOnly = decode(LogStream.render(c, c.runtime(), now,
                new LogStream.Options(false, true, 0, 0, 50, false)));
        assertTrue(errorsOnly.stream().allMatch(f -> f.stream() == 2));
        assertEquals(decode(LogStream.render(c, c.runtime(), now, new LogStream.Options(true, true, 0, 0, 200, true))),
                frames, "deterministic");
    }

    @Test
    void sinceAndUntilBoundTheLines() {
        World world = SimulatorFixture.world(1, 20, 20, false, 42);
        SimContainer c = container(world, false);
        long now = SimulatorFixture.EPOCH;
        long since = now - 600_000;
        long until = now - 60_000;
        List<Frame> frames = decode(LogStream.render(c, c.runtime(), now,
                new LogStream.Options(true, true, since, until, -1, true)));
        long expected = 0;
        for (long k = 0; LogStream.time(c, k) <= until; k++) {
            expected += LogStream.time(c, k) >= since ? 1 : 0;
        }
        assertEquals(expected, frames.size());
    }

    @Test
    void ttyLogsAreRaw() {
        World world = SimulatorFixture.world(1, 30, 30, false, 42);
        SimContainer c = container(world, true);
        byte[] raw = LogStream.render(c, c.runtime(), SimulatorFixture.EPOCH,
                new LogStream.Options(true, true, 0, 0, 3, false));
        String text = new String(raw, StandardCharsets.UTF_8);
        assertEquals(3, text.split("\n").length);
        assertTrue(text.startsWith("INFO") || text.startsWith("ERROR") || text.startsWith("WARN")
                || text.startsWith("FATAL") || text.startsWith("DEBUG"), text);
    }
}
