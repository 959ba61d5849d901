package io.pricewar.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Work driven by a stream of items that stops gracefully: asked to stop, it takes no further
 * item and lets those in hand finish, for at most a given time, and only then cancels what is
 * left. Disposing the subscription instead would cut off work half done, such as a webhook call
 * whose outcome is then never recorded.
 */
public final class GracefulWork {

    private static final Logger log = LoggerFactory.getLogger(GracefulWork.class);

    private final String name;
    private final Sinks.One<Boolean> stopRequested = Sinks.one();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Disposable subscription;

    /**
     * Subscribes to {@code work} over {@code items}. The work must not take items ahead of
     * beginning them (as {@code flatMap} with a concurrency does not), or those it holds are
     * still begun after a stop.
     */
    public <T> GracefulWork(String name, Flux<T> items, Function<Flux<T>, Flux<?>> work) {
        this.name = name;
        this.subscription = work.apply(items.takeUntilOther(stopRequested.asMono()))
                .doFinally(signal -> ended.complete(null))
                .subscribe(null, error -> log.error("{} failed", name, error));
    }

    /** Takes no further item; completes once the items in hand are done, or after {@code timeout}, having cancelled them. */
    public CompletableFuture<Void> stop(Duration timeout) {
        stopRequested.tryEmitValue(true);
        return ended.copy()
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(this::cancelUnlessEnded);
    }

    public boolean isRunning() {
        return !ended.isDone();
    }

    private void cancelUnlessEnded() {
        if (!ended.isDone()) {
            log.warn("{}: still busy when the time to stop ran out; cancelled", name);
            subscription.dispose();
            ended.complete(null);
        }
    }
}
