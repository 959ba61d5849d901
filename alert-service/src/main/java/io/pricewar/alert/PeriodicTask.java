package io.pricewar.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Work the service repeats at an interval while it runs (the delivery sweep, the blended-price
 * judgement), started and stopped with the application. One run at a time: a run that outlasts
 * the interval makes the next tick wait, not pile up; a failed run is logged and tried again at
 * the next tick. A stop starts no further run and lets the one in progress finish, within its
 * stop timeout, so that (for one) a webhook call the sweep made is recorded, not cut off.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    /** A run is a few bounded database round trips; the sweep, which calls webhooks, gives its own. */
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private final Duration stopTimeout;
    private volatile GracefulWork running;

    protected PeriodicTask(String name, Duration interval) {
        this(name, interval, DEFAULT_STOP_TIMEOUT);
    }

    protected PeriodicTask(String name, Duration interval, Duration stopTimeout) {
        this.name = name;
        this.interval = interval;
        this.stopTimeout = stopTimeout;
    }

    /** One run of the work. */
    protected abstract Mono<?> runOnce();

    /** Ticks are taken one at a time (flatMap of 1 holds none ahead), and dropped while a run is on. */
    @Override
    public void start() {
        running = new GracefulWork(name, Flux.interval(interval).onBackpressureDrop(),
                ticks -> ticks.flatMap(tick -> runOnce().then().onErrorResume(this::failed), 1));
    }

    private Mono<Void> failed(Throwable error) {
        log.warn("{} failed; trying again in {}", name, interval, error);
        return Mono.empty();
    }

    @Override
    public void stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stop(() -> stopped.complete(null));
        stopped.join();
    }

    /** Asynchronous, so that the rest of this phase stops meanwhile; Spring waits for the callback. */
    @Override
    public void stop(Runnable callback) {
        GracefulWork current = running;
        running = null;
        if (current == null) {
            callback.run();
            return;
        }
        current.stop(stopTimeout).thenRun(callback);
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
