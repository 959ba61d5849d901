package io.pricewar.alert.digest;

import io.pricewar.alert.PeriodicTask;
import io.pricewar.alert.delivery.DailyDigest;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Delivery;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.alert.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records each digest whose day has ended in the outbox, listing the day's held notifications,
 * then marks them as sent in it. Every replica runs this; the outbox's key (subscription,
 * {@code digest-<day>}) lets only one digest per subscription and day be recorded, whoever
 * records it and however often a crash makes it start over. When a digest turns out to be
 * recorded already (by another replica, or before a crash), the items it lists are marked as
 * sent in it, and any it does not list (collected too late for it) move to the next day.
 */
@Component
class DigestSender extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final DigestItems items;
    private final SubscriptionRepository subscriptions;
    private final Deliveries deliveries;
    private final DigestProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    DigestSender(DigestItems items, SubscriptionRepository subscriptions, Deliveries deliveries,
                 DigestProperties properties, JsonMapper json, Clock clock) {
        super("daily digest", properties.checkInterval());
        this.items = items;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return sendDue();
    }

    /** Records every digest due now; emits how many digest days it settled. */
    Mono<Long> sendDue() {
        Instant now = clock.instant();
        return items.due(now, properties.batch()).collectList()
                .flatMapMany(unsent -> Flux.fromIterable(DigestPlan.due(unsent, now)))
                .concatMap(key -> send(key).onErrorResume(error -> {
                    // One digest that cannot be recorded now must not hold up the others.
                    log.warn("could not send the digest of {} for {}; trying again at the next check",
                            key.day(), key.subscriptionId(), error);
                    return Mono.empty();
                }))
                .count();
    }

    private Mono<DigestItem.DigestKey> send(DigestItem.DigestKey key) {
        return subscriptions.findById(key.subscriptionId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(subscription -> subscription.isEmpty() ? items.cancel(key)
                        : items.unsentOf(key).collectList().flatMap(unsent -> record(subscription.get(), key, unsent)))
                .thenReturn(key);
    }

    private Mono<Void> record(Subscription subscription, DigestItem.DigestKey key, List<DigestItem> unsent) {
        if (unsent.isEmpty()) {
            return Mono.empty();
        }
        DigestItem first = unsent.getFirst();
        DailyDigest digest = DailyDigest.of(subscription.id(), key.day(), first.zone(), first.opensAt(),
                first.closesAt(), unsent.stream().map(item -> json.readTree(item.notification())).toList());
        return deliveries.recordAndSend(subscription, digest.eventId(), digest)
                .flatMap(recorded -> {
                    log.info("daily digest {} recorded with {} notifications", recorded.id(), digest.count());
                    return items.markSent(unsent.stream().map(DigestItem::id).toList(), recorded.id());
                })
                .switchIfEmpty(Mono.defer(() -> settleWithRecorded(Delivery.idOf(subscription.id(), digest.eventId()),
                        unsent)));
    }

    /** The digest was recorded before: its items are marked as listed, any it missed go to the next day. */
    private Mono<Void> settleWithRecorded(String digestId, List<DigestItem> unsent) {
        return deliveries.byId(digestId).flatMap(recorded -> {
            Set<String> listed = listedEventIds(recorded.payload());
            Map<Boolean, List<DigestItem>> byListed = unsent.stream()
                    .collect(Collectors.partitioningBy(item -> listed.contains(item.eventId())));
            if (!byListed.get(false).isEmpty()) {
                log.warn("{} notifications came after digest {} was recorded; they go in the next day's",
                        byListed.get(false).size(), digestId);
            }
            return items.markSent(byListed.get(true).stream().map(DigestItem::id).toList(), digestId)
                    .then(items.postpone(byListed.get(false)));
        });
    }

    private Set<String> listedEventIds(String payload) {
        Set<String> ids = new HashSet<>();
        for (JsonNode notification : json.readTree(payload).get("notifications")) {
            ids.add(notification.get("eventId").asString());
        }
        return ids;
    }
}
