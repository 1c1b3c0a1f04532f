package io.fleetdashboard.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedFanOutTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void neverRunsMoreThanTheLimitAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<Integer> results = BoundedFanOut.run(items, 8, Duration.ofSeconds(10), executor, timer, item -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            inFlight.decrementAndGet();
            return item * 2;
        }, (item, error) -> -1).get(30, TimeUnit.SECONDS);
        assertTrue(peak.get() <= 8, "peak concurrency " + peak.get());
        assertEquals(IntStream.range(0, 200).map(i -> i * 2).boxed().toList(), results, "results keep item order");
    }

    @Test
    void aFailingItemGivesItsFallbackAndTheOthersStillComplete() throws Exception {
        List<String> results = BoundedFanOut.run(List.of(1, 2, 3), 2, Duration.ofSeconds(10), executor, timer,
                item -> {
                    if (item == 2) {
                        throw new IllegalStateException("boom");
                    }
                    return "ok" + item;
                }, (item, error) -> "failed:" + error.getMessage()).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("ok1", "failed:boom", "ok3"), results);
    }

    @Test
    void aHangingItemIsCutAtItsDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<String> results = BoundedFanOut.run(List.of(1, 2), 2, Duration.ofMillis(200), executor, timer, item -> {
            if (item == 1) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "ok" + item;
        }, (item, error) -> error instanceof TimeoutException ? "timeout" : "other").get(30, TimeUnit.SECONDS);
        assertEquals(List.of("timeout", "ok2"), results);
        never.countDown();
    }

    @Test
    void aTaskPastItsDeadlineIsInterruptedAndGivesBackWhatItHolds() throws Exception {
        Semaphore permits = new Semaphore(1);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        List<String> results = BoundedFanOut.run(List.of(1), 1, Duration.ofMillis(200), executor, timer, item -> {
            permits.acquireUninterruptibly();
            try {
                never.await();
                return "answered";
            } catch (InterruptedException e) {
                return "interrupted";
            } finally {
                permits.release();
                released.countDown();
            }
        }, (item, error) -> "timeout").get(30, TimeUnit.SECONDS);
        assertEquals(List.of("timeout"), results);
        assertTrue(released.await(30, TimeUnit.SECONDS), "the hanging task was interrupted, not left running");
        assertEquals(1, permits.availablePermits(), "its permit is back");
    }

    @Test
    void noItemsCompletesAtOnce() throws Exception {
        assertEquals(List.of(), BoundedFanOut.run(List.<Integer>of(), 4, Duration.ofSeconds(1), executor, timer,
                item -> item, (item, error) -> item).get(1, TimeUnit.SECONDS));
    }
}
