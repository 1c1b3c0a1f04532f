package io.fleetdashboard.fleet.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one blocking task per item on an executor with at most {@code maxConcurrency} in flight and a deadline
 * per task. Never blocks the caller: each finished task starts the next one. A failed or late task gives
 * {@code onFailure}'s result, so one bad item never fails the whole batch. A task past its deadline is cancelled:
 * if still queued it never runs, if running its thread is interrupted (a blocking call that honours interrupts
 * returns, and gives back what it holds, such as its bulkhead permit).
 */
public final class BoundedFanOut {

    private BoundedFanOut() {
    }

    public static <T, R> CompletableFuture<List<R>> run(List<T> items, int maxConcurrency, Duration deadline,
                                                        ExecutorService executor, ScheduledExecutorService timer,
                                                        Function<T, R> work,
                                                        BiFunction<T, Throwable, R> onFailure) {
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(items.size());
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        Runnable[] lane = new Runnable[1];
        lane[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= items.size()) {
                return;
            }
            T item = items.get(index);
            CompletableFuture<R> task = new CompletableFuture<>();
            Future<?> running = null;
            try {
                running = executor.submit(() -> {
                    try {
                        task.complete(work.apply(item));
                    } catch (Throwable e) {
                        task.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException rejected) {
                task.completeExceptionally(rejected);
            }
            Future<?> submitted = running;
            var deadlineTimer = timer.schedule(() -> {
                if (task.completeExceptionally(new TimeoutException("no answer within " + deadline.toSeconds()
                        + " s")) && submitted != null) {
                    // past its deadline: a task still queued never starts, a running one is interrupted
                    submitted.cancel(true);
                }
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            task.whenComplete((value, error) -> {
                deadlineTimer.cancel(false);
                results[index] = error == null ? value : onFailure.apply(item, unwrap(error));
                if (remaining.decrementAndGet() == 0) {
                    all.complete(collect(results));
                } else {
                    lane[0].run();
                }
            });
        };
        for (int i = 0; i < Math.min(Math.max(1, maxConcurrency), items.size()); i++) {
            lane[0].run();
        }
        return all;
    }

    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> collect(Object[] results) {
        return new ArrayList<>((List<R>) Arrays.asList(results));
    }
}
