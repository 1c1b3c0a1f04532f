package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogLine;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Interleaves several containers' lines by timestamp, each line tagged with its container's name. Each source is
 * already in time order (Docker sends them so), so one line per source is held: memory does not grow with the
 * number of lines. A line without a timestamp (cut-off pieces, unreadable prefixes) keeps its source's last time,
 * so it stays right after the line before it; equal times keep the order of the sources.
 */
public final class LogMerge implements LineSource {

    private record Head(int source, Instant time, LogLine line) {
    }

    private final List<LineSource> sources;
    private final List<String> names;
    private final Instant[] lastTime;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::time)
            .thenComparingInt(Head::source));
    private boolean started;

    /** @param names the tag of each source, same order */
    public LogMerge(List<LineSource> sources, List<String> names) {
        if (sources.size() != names.size()) {
            throw new IllegalArgumentException("one name per source");
        }
        this.sources = List.copyOf(sources);
        this.names = List.copyOf(names);
        this.lastTime = new Instant[sources.size()];
    }

    @Override
    public LogLine next() throws IOException {
        if (!started) {
            started = true;
            for (int i = 0; i < sources.size(); i++) {
                advance(i);
            }
        }
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        advance(head.source());
        return head.line();
    }

    private void advance(int source) throws IOException {
        LogLine line = sources.get(source).next();
        if (line == null) {
            return;
        }
        Instant time = line.time() != null ? line.time() : lastTime[source] != null ? lastTime[source] : Instant.MIN;
        lastTime[source] = time;
        heads.add(new Head(source, time, line.withSource(names.get(source))));
    }
}
