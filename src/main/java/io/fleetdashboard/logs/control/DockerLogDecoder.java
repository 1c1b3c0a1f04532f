package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Turns the body of Docker's {@code containers/{id}/logs} into lines, one at a time, as it arrives.
 * <ul>
 * <li>No TTY: Docker's multiplexed framing, repeated [stream type, 0, 0, 0, payload length as uint32 big-endian]
 * and the payload. Headers and payloads may be split across reads at any byte, payloads may exceed 64 KiB and may
 * be empty; a payload is not buffered whole, its bytes go straight into the line of its stream. stdout and stderr
 * keep separate partial lines, so interleaved frames never mix.</li>
 * <li>TTY: the raw bytes, all stdout. Whether a container has a TTY is decided by its inspect ({@code Config.Tty}),
 * never by looking at the first byte.</li>
 * </ul>
 * Memory is bounded: one read buffer and at most {@code maxLineBytes} per stream; a longer line is handed out in
 * pieces (cut at a UTF-8 character boundary, the later ones marked continued). Invalid UTF-8 becomes U+FFFD. A
 * trailing carriage return (TTY output) is dropped. With {@code timestamped}, Docker's RFC 3339 prefix of each line
 * is read into {@link LogLine#time()}. Not thread-safe; the caller closes the stream.
 */
public final class DockerLogDecoder implements LineSource {

    static final int READ_BUFFER = 8192;
    private static final int HEADER = 8;

    private final InputStream in;
    private final boolean tty;
    private final boolean timestamped;
    private final byte[] buffer = new byte[READ_BUFFER];
    private int position;
    private int limit;
    private boolean ended;
    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private long payloadLeft;
    private LogChannel channel = LogChannel.STDOUT;
    private final PartialLine[] partial;
    private long frames;

    public DockerLogDecoder(InputStream in, boolean tty, boolean timestamped, int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be at least 16");
        }
        this.in = in;
        this.tty = tty;
        this.timestamped = timestamped;
        this.partial = new PartialLine[LogChannel.values().length];
        for (LogChannel c : LogChannel.values()) {
            partial[c.ordinal()] = new PartialLine(c, maxLineBytes);
        }
    }

    /**
     * The next line, or null at the end of the stream (after the unfinished last lines, stdout first).
     *
     * @throws MalformedLogStreamException when a frame header is not Docker's (only without a TTY)
     */
    @Override
    public LogLine next() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                if (!tty && (headerFill > 0 || payloadLeft > 0)) {
                    headerFill = 0;
                    payloadLeft = 0;
                    LogLine rest = flushAny();
                    return rest != null ? rest : new LogLine(null, LogChannel.SYSTEM, null,
                            "(the log stream ended in the middle of a frame)", false);
                }
                return flushAny();
            }
            LogLine line = tty ? raw() : multiplexed();
            if (line != null) {
                return line;
            }
        }
    }

    private LogLine raw() {
        return take(partial[LogChannel.STDOUT.ordinal()], limit - position);
    }

    private LogLine multiplexed() throws MalformedLogStreamException {
        if (payloadLeft == 0) {
            while (headerFill < HEADER && position < limit) {
                header[headerFill++] = buffer[position++];
            }
            if (headerFill < HEADER) {
                return null;
            }
            headerFill = 0;
            frames++;
            channel = channel(header);
            payloadLeft = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFFL) << 16) | ((header[6] & 0xFFL) << 8)
                    | (header[7] & 0xFFL);
            if (payloadLeft == 0) {
                return endOfFrame();
            }
            return null;
        }
        int available = (int) Math.min(payloadLeft, limit - position);
        int before = position;
        LogLine line = take(partial[channel.ordinal()], available);
        payloadLeft -= position - before;
        if (line == null && payloadLeft == 0) {
            return endOfFrame();
        }
        return line;
    }

    /** Docker's own error (stream 3) is one message per frame, with or without a line break. */
    private LogLine endOfFrame() {
        PartialLine system = partial[LogChannel.SYSTEM.ordinal()];
        return channel == LogChannel.SYSTEM && system.length > 0 ? system.flush() : null;
    }

    private LogChannel channel(byte[] h) throws MalformedLogStreamException {
        if (h[1] != 0 || h[2] != 0 || h[3] != 0 || h[0] < 0 || h[0] > 3) {
            throw new MalformedLogStreamException("The log stream is not in Docker's multiplexed framing (frame "
                    + frames + " has header " + String.format("%02x %02x %02x %02x", h[0], h[1], h[2], h[3])
                    + "); does the container have a TTY?");
        }
        return switch (h[0]) {
            case 2 -> LogChannel.STDERR;
            case 3 -> LogChannel.SYSTEM;
            default -> LogChannel.STDOUT; // 0 (stdin, written as stdout) and 1
        };
    }

    /** Moves up to n bytes into the line; a line when a line break arrived or the line is full. */
    private LogLine take(PartialLine line, int n) {
        int end = position + n;
        for (int i = position; i < end; i++) {
            if (buffer[i] == '\n') {
                line.append(buffer, position, i - position);
                position = i + 1;
                return line.flush();
            }
            if (line.full(i - position)) {
                line.append(buffer, position, i - position);
                position = i;
                return line.piece();
            }
        }
        line.append(buffer, position, end - position);
        position = end;
        return null;
    }

    private LogLine flushAny() {
        for (PartialLine line : partial) {
            if (line.length > 0) {
                return line.flush();
            }
        }
        return null;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** The unfinished line of one stream, at most max bytes. */
    private final class PartialLine {

        private final LogChannel channel;
        private final byte[] bytes;
        private int length;
        private boolean continuing;
        private Instant lastTime;

        PartialLine(LogChannel channel, int max) {
            this.channel = channel;
            this.bytes = new byte[max];
        }

        boolean full(int adding) {
            return length + adding >= bytes.length;
        }

        void append(byte[] source, int offset, int n) {
            System.arraycopy(source, offset, bytes, length, n);
            length += n;
        }

        /** The whole line (a line break arrived, or the stream ended). */
        LogLine flush() {
            int n = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
            LogLine line = line(n);
            length = 0;
            continuing = false;
            return line;
        }

        /** The line is full: hand out what ends at a character boundary and keep the rest for the next piece. */
        LogLine piece() {
            int cut = characterBoundary();
            LogLine line = line(cut);
            System.arraycopy(bytes, cut, bytes, 0, length - cut);
            length -= cut;
            continuing = true;
            return line;
        }

        /** Where the last, possibly incomplete, UTF-8 sequence starts (at most 3 bytes back), or the end. */
        private int characterBoundary() {
            for (int back = 1; back <= 3 && back <= length; back++) {
                int b = bytes[length - back] & 0xFF;
                if ((b & 0xC0) == 0x80) {
                    continue; // a continuation byte: look further back for the lead byte
                }
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back && length - back > 0 ? length - back : length;
            }
            return length;
        }

        private LogLine line(int n) {
            String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
            Instant time = null;
            if (continuing) {
                time = lastTime;
            } else if (timestamped) {
                int space = text.indexOf(' ');
                if (space >= 20 && space <= 40) {
                    try {
                        time = Instant.parse(text.substring(0, space));
                        text = text.substring(space + 1);
                    } catch (DateTimeException notATimestamp) {
                        time = null;
                    }
                }
            }
            boolean continued = continuing;
            lastTime = time;
            return new LogLine(null, channel, time, text, continued);
        }
    }
}
