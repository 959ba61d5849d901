package io.pricewar.alert.stream;

import io.pricewar.alert.PeriodicTask;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Deliveries.Produced;
import io.pricewar.alert.subscription.SubscriptionRepository;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every notification recorded for the owners watching a stream on this replica, whichever
 * replica recorded it, each once. Two sources: what this replica records, at once, and what a
 * poll of the outbox finds for the watched owners' subscriptions, recorded since the last poll
 * (less an overlap), which brings what the other replicas recorded. A delivery id seen from
 * either source is not passed on again.
 *
 * <p>Why poll the outbox and not broadcast on a Kafka topic: the outbox is already where every
 * replica writes every notification, so a stream shows exactly what was recorded, and no second
 * write (MongoDB, then Kafka, with nothing to tie them) can be lost in a crash between the two.
 * There is no topic to declare and operate, and the delivery path, which must reach thousands of
 * deliveries a second, does no extra work: the poll runs only while someone watches, and asks
 * only for the watched owners' subscriptions through the outbox's (subscriptionId, createdAt)
 * index. The cost is latency: a notification recorded on another replica arrives up to one poll
 * interval later. The same reasoning made subscriptions reach replicas by polling.
 */
@Component
class NotificationFeed extends PeriodicTask {

    private final Deliveries deliveries;
    private final SubscriptionRepository subscriptions;
    private final StreamProperties properties;
    private final Clock clock = Clock.systemUTC();
    /**
     * How far another replica's clock may be ahead of this one's: a stream is also sent what was
     * recorded this much before it opened, rather than risk missing what was recorded just after.
     */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    private record Fed(Produced produced, Instant recordedAt) {
    }

    /** Serialised by {@link #offer}: the two sources emit on different threads. */
    private final Sinks.Many<Fed> feed = Sinks.many().multicast().directBestEffort();
    /** Owners with a stream open on this replica, and how many streams each has. */
    private final Map<String, AtomicInteger> watched = new ConcurrentHashMap<>();
    /** Delivery ids passed on, with when; forgotten once no poll can find them again. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant lastPoll;
    private volatile Disposable local;

    NotificationFeed(Deliveries deliveries, SubscriptionRepository subscriptions, StreamProperties properties) {
        super("stream poll", properties.pollInterval());
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /** The owner's notifications from now on, for as long as the caller stays subscribed. */
    Flux<Produced> of(String ownerId) {
        return Flux.defer(() -> {
            Instant opened = clock.instant().minus(CLOCK_SKEW);
            return feed.asFlux()
                    .filter(fed -> fed.produced().ownerId().equals(ownerId) && !fed.recordedAt().isBefore(opened))
                    .map(Fed::produced);
        })
                .doOnSubscribe(subscription -> watched.computeIfAbsent(ownerId, o -> new AtomicInteger()).incrementAndGet())
                .doFinally(signal -> watched.computeIfPresent(ownerId,
                        (owner, streams) -> streams.decrementAndGet() == 0 ? null : streams));
    }

    @Override
    public void start() {
        // Only the watched owners' notifications are remembered: the others cost a map lookup.
        local = deliveries.produced()
                .filter(produced -> watched.containsKey(produced.ownerId()))
                .subscribe(produced -> offer(produced, clock.instant()));
        super.start();
    }

    @Override
    public void stop(Runnable callback) {
        Disposable current = local;
        if (current != null) {
            current.dispose();
        }
        super.stop(callback);
    }

    @Override
    protected Mono<Long> runOnce() {
        Instant started = clock.instant();
        Instant previous = lastPoll == null ? started : lastPoll;
        Instant since = previous.minus(properties.pollOverlap());
        lastPoll = started;
        forgetBefore(since.minus(properties.pollOverlap()));
        List<String> owners = List.copyOf(watched.keySet());
        if (owners.isEmpty()) {
            return Mono.just(0L);
        }
        return subscriptions.ownersBySubscription(owners)
                .flatMapMany(ownerOf -> deliveries.recordedSince(ownerOf.keySet(), since)
                        .filter(d -> offer(new Produced(ownerOf.get(d.subscriptionId()), d.id(), d.payload()),
                                d.createdAt())))
                .count();
    }

    /** Passes a notification on unless it was before; true when it did. */
    private synchronized boolean offer(Produced produced, Instant recordedAt) {
        if (seen.putIfAbsent(produced.deliveryId(), recordedAt) != null) {
            return false;
        }
        feed.tryEmitNext(new Fed(produced, recordedAt));
        return true;
    }

    private void forgetBefore(Instant cutoff) {
        seen.values().removeIf(at -> at.isBefore(cutoff));
    }

}
