package io.pricewar.alert.delivery;

import io.pricewar.alert.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Attempts pending deliveries that are due: retries whose time came, and deliveries whose
 * sender's lease ran out, so that a crash between recording a delivery and sending it (or
 * mid-send) does not lose the notification.
 */
@Component
class DeliverySweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);

    private final Deliveries deliveries;

    DeliverySweeper(Deliveries deliveries, DeliveryProperties properties) {
        super("delivery sweep", properties.sweepInterval(), properties.stopTimeout());
        this.deliveries = deliveries;
    }

    @Override
    protected Mono<Long> runOnce() {
        return deliveries.attemptDue().doOnNext(this::logTakeOver);
    }

    private void logTakeOver(long count) {
        if (count > 0) {
            log.debug("attempted {} due deliveries", count);
        }
    }
}
