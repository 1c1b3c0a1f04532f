package io.fleetdashboard.logs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerLogDecoderTest {

    static byte[] frame(int stream, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = payload.length;
        out.writeBytes(new byte[] {(byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
                (byte) n});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] frame(int stream, String text) {
        return frame(stream, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<LogLine> decode(InputStream in, boolean tty, boolean timestamped, int maxLine) throws IOException {
        DockerLogDecoder decoder = new DockerLogDecoder(in, tty, timestamped, maxLine);
        List<LogLine> lines = new ArrayList<>();
        for (LogLine line = decoder.next(); line != null; line = decoder.next()) {
            lines.add(line);
        }
        return lines;
    }

    static List<LogLine> decode(byte[] body, boolean tty) throws IOException {
        return decode(new ByteArrayInputStream(body), tty, false, 1024);
    }

    /** Answers at most one byte per read: every header and payload is split at every byte. */
    static InputStream trickle(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(l -> l.channel() + ":" + l.text()).toList();
    }

    private static final byte[] MIXED = concat(frame(1, "hello\n"), frame(2, "oops: failed\n"), frame(1, ""),
            frame(1, "par"), frame(2, "err-part"), frame(1, "tial\n"), frame(2, "\n"), frame(1, "ünïcödé €\n"));
    private static final List<String> MIXED_LINES = List.of("STDOUT:hello", "STDERR:oops: failed", "STDOUT:partial",
            "STDERR:err-part", "STDOUT:ünïcödé €");

    @Test
    void decodesDockersExampleFrame() throws IOException {
        byte[] body = {1, 0, 0, 0, 0, 0, 0, 6, 'h', 'e', 'l', 'l', 'o', '\n'};
        assertEquals(List.of("STDOUT:hello"), texts(decode(body, false)));
    }

    @Test
    void keepsStdoutAndStderrApartAndSkipsEmptyFrames() throws IOException {
        List<LogLine> lines = decode(MIXED, false);
        assertEquals(MIXED_LINES, texts(lines));
    }

    @Test
    void framesSplitAtEveryByteBoundaryDecodeTheSame() throws IOException {
        for (int cut = 0; cut <= MIXED.length; cut++) {
            InputStream split = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOfRange(MIXED, 0, cut)),
                    new ByteArrayInputStream(Arrays.copyOfRange(MIXED, cut, MIXED.length)));
            assertEquals(MIXED_LINES, texts(decode(split, false, false, 1024)), "split at byte " + cut);
        }
        assertEquals(MIXED_LINES, texts(decode(trickle(MIXED), false, false, 1024)), "one byte per read");
    }

    @Test
    void frameLargerThan64KibIsStreamedIntoLines() throws IOException {
        StringBuilder payload = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            payload.append("line ").append(i).append(" ").append("x".repeat(20)).append('\n');
        }
        byte[] big = payload.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 65_536);
        List<LogLine> lines = decode(concat(frame(1, big), frame(2, "after\n")), false);
        assertEquals(5001, lines.size());
        assertEquals("line 4999 " + "x".repeat(20), lines.get(4999).text());
        assertEquals("STDERR:after", texts(lines).get(5000));
    }

    @Test
    void lineLongerThanTheBufferComesInPiecesCutAtCharacterBoundaries() throws IOException {
        String longLine = "é".repeat(100); // 200 bytes of two-byte characters
        List<LogLine> lines = decode(new ByteArrayInputStream(frame(1, "a" + longLine + "\n")), false, false, 33);
        assertTrue(lines.size() > 1);
        assertFalse(lines.get(0).continued());
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(LogLine::continued));
        assertEquals("a" + longLine, String.join("", lines.stream().map(LogLine::text).toList()));
        assertTrue(lines.stream().noneMatch(l -> l.text().contains("\uFFFD")), "no character cut in two");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] payload = {'a', (byte) 0xFF, (byte) 0xC3, 'b', '\n'};
        List<LogLine> lines = decode(frame(1, payload), false);
        assertEquals("a\uFFFD\uFFFDb", lines.get(0).text());
    }

    @Test
    void ttyStreamIsRawStdoutEvenWhenItStartsWithAFrameLikeByte() throws IOException {
        byte[] body = concat(new byte[] {2, 0, 0, 0}, "x\r\nsecond line\nno newline at the end".getBytes(
                StandardCharsets.UTF_8));
        List<LogLine> lines = decode(trickle(body), true, false, 1024);
        assertEquals(List.of("STDOUT:\u0002\u0000\u0000\u0000x", "STDOUT:second line", "STDOUT:no newline at the end"),
                texts(lines));
    }

    @Test
    void timestampsAreReadIntoTheLine() throws IOException {
        byte[] body = concat(frame(1, "2024-10-23T18:23:24.123456789Z hello world\n"), frame(2, "not a time here\n"));
        List<LogLine> lines = decode(new ByteArrayInputStream(body), false, true, 1024);
        assertEquals(Instant.parse("2024-10-23T18:23:24.123456789Z"), lines.get(0).time());
        assertEquals("hello world", lines.get(0).text());
        assertNull(lines.get(1).time());
        assertEquals("not a time here", lines.get(1).text());
    }

    @Test
    void dockersOwnErrorIsOneLineOnTheSystemChannel() throws IOException {
        List<LogLine> lines = decode(concat(frame(1, "ok\n"), frame(3, "error from daemon: gone")), false);
        assertEquals(List.of("STDOUT:ok", "SYSTEM:error from daemon: gone"), texts(lines));
        assertEquals(LogChannel.SYSTEM, lines.get(1).channel());
    }

    @Test
    void aBodyCutInTheMiddleOfAFrameEndsWithWhatArrived() throws IOException {
        byte[] body = frame(1, "complete\nhalf");
        List<LogLine> lines = decode(Arrays.copyOf(body, body.length), false);
        assertEquals(List.of("STDOUT:complete", "STDOUT:half"), texts(lines));
        byte[] cut = Arrays.copyOf(frame(1, "never arrives\n"), 5);
        assertEquals(List.of("SYSTEM:(the log stream ended in the middle of a frame)"), texts(decode(cut, false)));
    }

    @Test
    void aRawStreamReadAsMultiplexedIsRefusedClearly() {
        byte[] body = "plain text, not framed\n".getBytes(StandardCharsets.UTF_8);
        MalformedLogStreamException e = assertThrows(MalformedLogStreamException.class, () -> decode(body, false));
        assertTrue(e.getMessage().contains("multiplexed framing"), e.getMessage());
    }
}
