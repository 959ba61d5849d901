package io.pricewar.alert.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-sends pending deliveries whose sender's lease ran out, so that a crash between recording a
 * delivery and sending it does not lose the notification.
 */
@Component
class DeliverySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);

    private final Deliveries deliveries;
    private final DeliveryProperties properties;
    private volatile Disposable sweeping;

    DeliverySweeper(Deliveries deliveries, DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public void start() {
        sweeping = Flux.interval(properties.sweepInterval())
                // A sweep that outlasts the interval makes the next tick wait, not pile up.
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = sweeping;
        if (running != null) {
            running.dispose();
        }
        sweeping = null;
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }

    private Mono<Long> sweepOnce() {
        return deliveries.resendExpired()
                .doOnNext(this::logTakeOver)
                .onErrorResume(error -> {
                    log.warn("delivery sweep failed; trying again in {}", properties.sweepInterval(), error);
                    return Mono.empty();
                });
    }

    private void logTakeOver(long count) {
        if (count > 0) {
            log.info("re-sent {} pending deliveries whose sender did not finish", count);
        }
    }
}
