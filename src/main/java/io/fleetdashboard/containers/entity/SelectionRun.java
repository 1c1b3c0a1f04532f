package io.fleetdashboard.containers.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One action on a table's selection, running on managed threads: who started it, what it does to how many
 * containers, and each container's result as it arrives. Thread-safe: results are added by the threads doing the
 * work and read by the page that polls.
 */
public final class SelectionRun {

    private final String id;
    private final String user;
    private final String action;
    private final int total;
    private final Instant startedAt;
    private final List<ActionResult> results = new ArrayList<>();
    private boolean finished;
    private Instant finishedAt;

    public SelectionRun(String id, String user, String action, int total, Instant startedAt) {
        this.id = id;
        this.user = user;
        this.action = action;
        this.total = total;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public String user() {
        return user;
    }

    public String action() {
        return action;
    }

    public int total() {
        return total;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized void add(ActionResult result) {
        if (results.size() < total) {
            results.add(result);
        }
    }

    /** All results are in (or the run gave up): later results are ignored. */
    public synchronized void finish(Instant at) {
        finished = true;
        finishedAt = at;
    }

    /** The results so far, in the order they ended. */
    public synchronized List<ActionResult> results() {
        return List.copyOf(results);
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized Instant finishedAt() {
        return finishedAt;
    }

    public synchronized int done() {
        return results.size();
    }

    public synchronized int failed() {
        return (int) results.stream().filter(r -> !r.succeeded()).count();
    }
}
