package io.pricewar.alert.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attempts pending deliveries that are due: retries whose time came, and deliveries whose
 * sender's lease ran out, so that a crash between recording a delivery and sending it (or
 * mid-send) does not lose the notification.
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
        return deliveries.attemptDue()
                .doOnNext(this::logTakeOver)
                .onErrorResume(error -> {
                    log.warn("delivery sweep failed; trying again in {}", properties.sweepInterval(), error);
                    return Mono.empty();
                });
    }

    private void logTakeOver(long count) {
        if (count > 0) {
            log.debug("attempted {} due deliveries", count);
        }
    }
}
