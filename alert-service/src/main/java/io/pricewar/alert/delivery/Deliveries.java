package io.pricewar.alert.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.alert.GracefulWork;
import io.pricewar.alert.subscription.EmailAddress;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.alert.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery feature's entry point: record a notification in the outbox, attempt it, record
 * each attempt's outcome before deciding on the next, and take over what is due again (a retry
 * whose time came, or a delivery whose sender died). A delivery goes by webhook or, to a
 * {@code mailto:} endpoint, by e-mail; both channels share the outbox and its retries. Every
 * notification recorded here is also announced on {@link #produced()}, for live streams.
 *
 * <p>On stop it takes no further attempt from its queue and lets those in flight finish and be
 * recorded, for up to {@code stop-timeout}, so that a receiver that was sent a notification is
 * not sent it again by the sweeper once the lease runs out. What is still queued stays pending,
 * leased, for the sweeper (of this or another replica) as after a crash.
 */
@Service
public class Deliveries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** Attempts waiting for a free slot; past this, the sweeper takes them when their lease ends. */
    private static final int QUEUE_CAPACITY = 65_536;

    private static final String GONE = "the endpoint answered 410 Gone; its subscriptions are disabled";

    private record Job(Delivery delivery, Subscription subscription) {
    }

    /** A notification to record for a subscription. */
    public record Pending(Subscription subscription, Notification notification) {
    }

    /** A notification newly recorded for a subscription of {@code ownerId}, as its JSON payload. */
    public record Produced(String ownerId, String deliveryId, String payload) {
    }

    /** Outbox inserts per round trip: large enough for a price-war event matching thousands. */
    private static final int INSERT_BATCH = 1_000;

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final EmailSender email;
    private final SubscriptionRepository subscriptions;
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    /**
     * Best effort: a listener that cannot keep up misses notifications rather than slowing
     * delivery, which the outbox guarantees on its own.
     */
    private final Sinks.Many<Produced> produced = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Job> queue = Sinks.many().unicast().onBackpressureBuffer(Queues.<Job>get(QUEUE_CAPACITY).get());
    private volatile GracefulWork worker;

    Deliveries(DeliveryOutbox outbox, WebhookSender sender, EmailSender email, SubscriptionRepository subscriptions,
               DeliveryProperties properties, JsonMapper json, MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.email = email;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.backoff = properties.backoff();
        this.json = json;
        this.meters = meters;
    }

    /** Starts after the listeners that record deliveries; what they queue meanwhile waits in the queue. */
    @Override
    public void start() {
        worker = new GracefulWork("webhook attempts", queue.asFlux(),
                jobs -> jobs.flatMap(job -> attempt(job.delivery(), job.subscription()), properties.maxInFlight()));
    }

    @Override
    public void stop() {
        worker.stop(properties.stopTimeout()).join();
    }

    /** Asynchronous, so that the rest of this phase stops meanwhile; Spring waits for the callback. */
    @Override
    public void stop(Runnable callback) {
        worker.stop(properties.stopTimeout()).thenRun(callback);
    }

    @Override
    public boolean isRunning() {
        GracefulWork current = worker;
        return current != null && current.isRunning();
    }

    /**
     * Records that {@code subscription} is to be sent {@code notification}, and queues its first
     * attempt. Emits the new delivery, or nothing if this pair was recorded before (a
     * re-published or re-consumed event).
     */
    public Mono<Delivery> recordAndSend(Subscription subscription, Notification notification) {
        return recordAndSend(subscription, notification.eventId(), notification);
    }

    /**
     * As {@link #recordAndSend(Subscription, Notification)}, for a payload of another shape (a
     * daily digest) that stands for {@code eventId}: at most one delivery per (subscription,
     * eventId), ever.
     */
    public Mono<Delivery> recordAndSend(Subscription subscription, String eventId, Object payload) {
        Delivery delivery = pendingDelivery(subscription, eventId, payload);
        return outbox.insertIfAbsent(delivery)
                .filter(inserted -> inserted)
                .map(inserted -> delivery)
                .doOnNext(recorded -> enqueue(recorded, subscription));
    }

    /** Every notification recorded from now on, by any subscription; a hot stream that never completes. */
    public Flux<Produced> produced() {
        return produced.asFlux();
    }

    /**
     * Records many at once, in batches of unordered inserts, and queues the first attempt of each
     * one that is new; emits how many were new. A pair recorded before is skipped as in
     * {@link #recordAndSend}.
     */
    public Mono<Long> recordAllAndSend(List<Pending> pending) {
        return Flux.fromIterable(pending)
                .buffer(INSERT_BATCH)
                .concatMap(batch -> {
                    Map<String, Subscription> byDelivery = new HashMap<>();
                    List<Delivery> recorded = batch.stream().map(p -> {
                        Delivery d = pendingDelivery(p.subscription(), p.notification());
                        byDelivery.put(d.id(), p.subscription());
                        return d;
                    }).toList();
                    return outbox.insertAllIfAbsent(recorded)
                            .flatMapIterable(inserted -> inserted)
                            .doOnNext(d -> enqueue(d, byDelivery.get(d.id())));
                })
                .count();
    }

    /**
     * Attempts without holding up the caller: the delivery is already durable, so if the queue is
     * full or this process dies first, the sweeper attempts it once the lease runs out.
     */
    private void enqueue(Delivery delivery, Subscription subscription) {
        announce(delivery, subscription);
        if (queue.tryEmitNext(new Job(delivery, subscription)).isFailure()) {
            meters.counter("alert.deliveries.deferred").increment();
        }
    }

    /** Serialised, as a sink requires: deliveries are recorded on many threads at once. */
    private synchronized void announce(Delivery delivery, Subscription subscription) {
        produced.tryEmitNext(new Produced(subscription.ownerId(), delivery.id(), delivery.payload()));
    }

    /** Attempts every pending delivery that is due; emits how many it took. */
    public Mono<Long> attemptDue() {
        Instant now = clock.instant();
        return outbox.claimDue(now, now.plus(properties.lease()), properties.sweepBatch())
                .flatMap(this::attemptClaimed, properties.maxInFlight())
                .count();
    }

    /** The delivery recorded under {@code id}, if any. */
    public Mono<Delivery> byId(String id) {
        return outbox.findById(id);
    }

    /**
     * Deliveries of {@code subscriptionIds} recorded at or after {@code since} (by the recording
     * replica's clock), oldest first: what every replica recorded, for live streams.
     */
    public Flux<Delivery> recordedSince(Collection<String> subscriptionIds, Instant since) {
        return outbox.findRecordedSince(subscriptionIds, since);
    }

    public Flux<Delivery> ofSubscription(String subscriptionId) {
        return outbox.findBySubscription(subscriptionId);
    }

    private Mono<Void> attemptClaimed(Delivery delivery) {
        return subscriptions.findById(delivery.subscriptionId())
                .flatMap(subscription -> attempt(delivery, subscription))
                .switchIfEmpty(Mono.defer(() -> outbox.close(delivery.id(), delivery.leaseUntil(),
                        DeliveryStatus.CANCELLED, "subscription deleted before delivery")));
    }

    private Mono<Void> attempt(Delivery delivery, Subscription subscription) {
        if (!subscription.isActive()) {
            return outbox.close(delivery.id(), delivery.leaseUntil(), DeliveryStatus.DEAD_LETTERED,
                    "endpoint disabled: " + subscription.disabledReason());
        }
        return send(delivery, subscription)
                .flatMap(result -> recordOutcome(delivery, subscription, result))
                .onErrorResume(error -> {
                    log.warn("could not record an attempt of delivery {}; the sweeper will retry it",
                            delivery.id(), error);
                    return Mono.empty();
                });
    }

    private Mono<AttemptResult> send(Delivery delivery, Subscription subscription) {
        String emailTo = EmailAddress.of(delivery.webhookUrl());
        return emailTo != null ? email.attempt(emailTo, delivery.id(), delivery.payload())
                : sender.attempt(delivery.webhookUrl(), delivery.id(), subscription.signingSecret(), delivery.payload());
    }

    private Mono<Void> recordOutcome(Delivery delivery, Subscription subscription, AttemptResult result) {
        meters.counter("alert.delivery.attempts", "outcome", result.getClass().getSimpleName().toLowerCase())
                .increment();
        int attempts = delivery.attempts() + 1;
        return switch (result) {
            case AttemptResult.Delivered delivered -> outbox.markDelivered(delivery.id(), delivered.status(),
                    clock.instant());
            case AttemptResult.Retry retry when attempts >= properties.maxAttempts() -> deadLetter(delivery,
                    "gave up after " + attempts + " attempts; last: " + retry.reason(), retry.status());
            case AttemptResult.Retry retry -> outbox.reschedule(delivery.id(), delivery.leaseUntil(),
                    clock.instant().plus(backoff.after(attempts, retry.retryAfter())), retry.reason(), retry.status());
            case AttemptResult.Gone gone -> deadLetter(delivery, GONE, gone.status())
                    .then(subscriptions.disableEndpoint(subscription.ownerId(), delivery.webhookUrl(), GONE));
            case AttemptResult.Redirected redirected -> deadLetter(delivery, redirected.reason(), redirected.status());
            case AttemptResult.Refused refused -> deadLetter(delivery, refused.reason(), null);
        };
    }

    private Mono<Void> deadLetter(Delivery delivery, String reason, Integer status) {
        meters.counter("alert.deliveries.dead_lettered").increment();
        log.warn("delivery {} to {} dead-lettered: {}", delivery.id(), delivery.webhookUrl(), reason);
        return outbox.deadLetter(delivery.id(), delivery.leaseUntil(), reason, status);
    }

    private Delivery pendingDelivery(Subscription subscription, Notification notification) {
        return pendingDelivery(subscription, notification.eventId(), notification);
    }

    private Delivery pendingDelivery(Subscription subscription, String eventId, Object payload) {
        Instant now = clock.instant();
        return Delivery.pending(subscription.id(), eventId, subscription.webhookUrl(),
                json.writeValueAsString(payload), now, now.plus(properties.lease()));
    }
}
