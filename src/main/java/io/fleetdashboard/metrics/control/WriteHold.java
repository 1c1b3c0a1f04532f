package io.fleetdashboard.metrics.control;

import io.fleetdashboard.metrics.entity.Sample;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Admin diagnostics for "readers are never blocked by a write round": writes samples through the same
 * {@link MetricsStore#write} a collection round uses and keeps that transaction open (exclusive write lock held,
 * rows inserted, not committed) until {@link #release()} or the hold's maximum time. While it is open,
 * {@link #state()} says so; a reader that answers meanwhile read concurrently with the writer, and sees the state
 * before the transaction. One hold at a time, at most {@value #MAX_HOLD_SECONDS} s.
 */
@ApplicationScoped
public class WriteHold {

    private static final Logger LOG = Logger.getLogger(WriteHold.class.getName());
    public static final long MAX_HOLD_SECONDS = 60;

    @Inject
    MetricsStore store;

    @Resource
    ManagedExecutorService executor;

    /** open: inserted, not committed; committed: done. */
    public record State(long id, boolean open, boolean committed, int samples, Instant openedAt, String error) {
    }

    private final AtomicLong ids = new AtomicLong();
    private volatile Hold current;

    private static final class Hold {
        final long id;
        final int samples;
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        volatile boolean open;
        volatile boolean committed;
        volatile Instant openedAt;
        volatile String error;

        Hold(long id, int samples) {
            this.id = id;
            this.samples = samples;
        }

        State state() {
            return new State(id, open, committed, samples, openedAt, error);
        }
    }

    /** Starts the write and returns once its transaction holds the rows (or failed). */
    public synchronized State start(List<Sample> samples, Duration maxHold) {
        Hold previous = current;
        if (previous != null && previous.finished.getCount() > 0) {
            throw new IllegalStateException("A write hold is already open");
        }
        Hold hold = new Hold(ids.incrementAndGet(), samples.size());
        current = hold;
        long holdMillis = Math.min(maxHold.toMillis(), MAX_HOLD_SECONDS * 1000);
        executor.execute(() -> {
            try {
                store.write(samples, List.of(), () -> {
                    hold.open = true;
                    hold.openedAt = Instant.now();
                    hold.opened.countDown();
                    try {
                        hold.released.await(holdMillis, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                hold.committed = true;
            } catch (RuntimeException e) {
                hold.error = e.getMessage();
                LOG.warning(() -> "Write hold failed: " + e.getMessage());
            } finally {
                hold.open = false;
                hold.opened.countDown();
                hold.finished.countDown();
            }
        });
        await(hold.opened);
        return hold.state();
    }

    public State state() {
        Hold hold = current;
        return hold == null ? new State(0, false, false, 0, null, null) : hold.state();
    }

    /** Lets the transaction commit and waits for it. */
    public State release() {
        Hold hold = current;
        if (hold == null) {
            return state();
        }
        hold.released.countDown();
        await(hold.finished);
        return hold.state();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The write did not get there within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
