package io.pricewar.alert.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PriceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;

/**
 * The delivery feature's entry point: record a notification in the outbox, send it, record how
 * that went, and re-send what a crash left pending.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** How many claimed deliveries one sweep sends at once. */
    private static final int SWEEP_CONCURRENCY = 8;

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final DeliveryProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    Deliveries(DeliveryOutbox outbox, WebhookSender sender, DeliveryProperties properties, JsonMapper json,
               MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Records that {@code subscription} is to be told of {@code event}. Emits the new delivery,
     * or nothing if this pair was recorded before (a re-published or re-consumed event).
     */
    public Mono<Delivery> record(Subscription subscription, PriceEvent event) {
        Delivery delivery = pendingDelivery(subscription, event);
        return outbox.insertIfAbsent(delivery)
                .filter(inserted -> inserted)
                .map(inserted -> delivery);
    }

    /**
     * Sends without holding up the caller: the delivery is already durable, so if this process
     * dies first, the sweeper sends it once the lease runs out.
     */
    public void sendInBackground(Delivery delivery) {
        send(delivery).subscribe(null, error -> log.warn(
                "could not record the outcome of delivery {}; the sweeper will retry it", delivery.id(), error));
    }

    /** Sends every pending delivery whose sender's lease ran out; emits how many it took over. */
    public Mono<Long> resendExpired() {
        Instant now = clock.instant();
        return outbox.claimExpired(now, now.plus(properties.lease()), properties.sweepBatch())
                .flatMap(this::send, SWEEP_CONCURRENCY)
                .count();
    }

    public Flux<Delivery> ofSubscription(String subscriptionId) {
        return outbox.findBySubscription(subscriptionId);
    }

    private Mono<Void> send(Delivery delivery) {
        return sender.send(delivery.webhookUrl(), delivery.payload())
                .flatMap(outcome -> recordOutcome(delivery, outcome));
    }

    private Mono<Void> recordOutcome(Delivery delivery, WebhookSender.Outcome outcome) {
        meters.counter("alert.deliveries", "outcome", outcome.delivered() ? "delivered" : "failed").increment();
        if (outcome.delivered()) {
            return outbox.markDelivered(delivery.id(), outcome.attempts(), clock.instant());
        }
        log.warn("delivery {} to {} failed after {} attempts: {}", delivery.id(), delivery.webhookUrl(),
                outcome.attempts(), outcome.failureReason());
        return outbox.markFailed(delivery.id(), outcome.attempts(), outcome.failureReason());
    }

    private Delivery pendingDelivery(Subscription subscription, PriceEvent event) {
        Notification notification = Notification.of(subscription, event);
        Instant now = clock.instant();
        return Delivery.pending(notification, subscription.webhookUrl(), json.writeValueAsString(notification),
                now, now.plus(properties.lease()));
    }
}
