package io.pricewar.ledger.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;

/**
 * Gets MongoDB ready for the ledger (the live-generation pointer read, every index created) and
 * only then starts the listeners, whose idempotence rests on those unique indexes. Start-up does
 * not wait for it beyond a first short try: a ledger started while MongoDB is unreachable comes
 * up, reports itself not ready (this indicator is in the readiness group), keeps trying, and
 * begins consuming once MongoDB answers.
 */
public final class StorageStartup implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StorageStartup.class);

    private final Mono<Void> prepare;
    private final KafkaListenerEndpointRegistry listeners;
    private final List<String> listenerIds;
    private final Duration firstTry;
    private final Duration maxBackoff;
    private volatile boolean ready;
    private volatile String lastFailure = "not tried yet";
    private volatile Disposable retrying;

    /**
     * @param prepare     what must succeed before anything consumes; run again until it does
     * @param listenerIds the listener containers to start once it has (created with auto-start off)
     * @param firstTry    how long start-up waits for the first attempt
     * @param maxBackoff  the longest pause between later attempts
     */
    public StorageStartup(Mono<Void> prepare, KafkaListenerEndpointRegistry listeners, List<String> listenerIds,
                          Duration firstTry, Duration maxBackoff) {
        this.prepare = prepare;
        this.listeners = listeners;
        this.listenerIds = listenerIds;
        this.firstTry = firstTry;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start() {
        try {
            prepare.block(firstTry);
            becomeReady();
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            log.warn("MongoDB is not ready ({}); the ledger starts without consuming and keeps trying", lastFailure);
            retrying = prepare
                    .doOnError(error -> lastFailure = error.toString())
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(maxBackoff))
                    .subscribe(nothing -> { }, error -> log.error("Gave up preparing MongoDB", error),
                            this::becomeReady);
        }
    }

    private void becomeReady() {
        ready = true;
        listenerIds.stream().map(listeners::getListenerContainer)
                .filter(container -> container != null && !container.isRunning())
                .forEach(MessageListenerContainer::start);
        log.info("MongoDB is ready; consuming {}", listenerIds);
    }

    @Override
    public void stop() {
        Disposable task = retrying;
        if (task != null) {
            task.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return ready || (retrying != null && !retrying.isDisposed());
    }

    /** After the listener registry, so its containers exist; they are started here, not by it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 50;
    }

    @Override
    public Health health() {
        return ready ? Health.up().build()
                : Health.down().withDetail("waitingFor", "MongoDB: live generation and indexes")
                        .withDetail("lastFailure", lastFailure).build();
    }
}
