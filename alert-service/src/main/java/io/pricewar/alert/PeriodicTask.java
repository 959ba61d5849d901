package io.pricewar.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Work the service repeats at an interval while it runs (the delivery sweep, the blended-price
 * judgement), started and stopped with the application. One run at a time: a run that outlasts
 * the interval makes the next tick wait, not pile up; a failed run is logged and tried again at
 * the next tick.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private volatile Disposable running;

    protected PeriodicTask(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One run of the work. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().then().onErrorResume(this::failed), 1)
                .subscribe();
    }

    private Mono<Void> failed(Throwable error) {
        log.warn("{} failed; trying again in {}", name, interval, error);
        return Mono.empty();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
