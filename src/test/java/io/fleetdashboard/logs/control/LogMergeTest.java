package io.fleetdashboard.logs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMergeTest {

    static LogLine at(long second, String text) {
        return new LogLine(null, LogChannel.STDOUT, second < 0 ? null : Instant.ofEpochSecond(second), text, false);
    }

    static LineSource source(LogLine... lines) {
        Deque<LogLine> queue = new ArrayDeque<>(List.of(lines));
        return queue::poll;
    }

    static List<String> all(LineSource source) throws IOException {
        List<String> out = new ArrayList<>();
        for (LogLine line = source.next(); line != null; line = source.next()) {
            out.add(line.source() + ":" + line.text());
        }
        return out;
    }

    @Test
    void interleavesByTimeAndTagsEachLine() throws IOException {
        LogMerge merge = new LogMerge(List.of(source(at(1, "a1"), at(4, "a4"), at(6, "a6")),
                source(at(2, "b2"), at(3, "b3"), at(7, "b7"))), List.of("web", "db"));
        assertEquals(List.of("web:a1", "db:b2", "db:b3", "web:a4", "web:a6", "db:b7"), all(merge));
    }

    @Test
    void equalTimesKeepTheSourceOrderAndUntimedLinesStayAfterTheirPredecessor() throws IOException {
        LogMerge merge = new LogMerge(List.of(source(at(5, "a5"), at(-1, "a-piece"), at(9, "a9")),
                source(at(5, "b5"), at(6, "b6"))), List.of("a", "b"));
        assertEquals(List.of("a:a5", "a:a-piece", "b:b5", "b:b6", "a:a9"), all(merge));
    }

    @Test
    void emptySourcesAndNoSourcesAtAll() throws IOException {
        assertEquals(List.of("x:only"), all(new LogMerge(List.of(source(), source(at(1, "only"))), List.of("w", "x"))));
        assertEquals(List.of(), all(new LogMerge(List.of(), List.of())));
    }
}
