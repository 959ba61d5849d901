package io.pricewar.alert.matching;

import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PriceEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Decides which subscriptions an event on the log triggers. */
public final class SubscriptionMatcher {

    private SubscriptionMatcher() {
    }

    /**
     * The subscriptions that want to hear of {@code event}, appended to the log at
     * {@code appendedAt}: those whose target covers its point and whose rule fires on it.
     */
    public static List<Subscription> triggeredBy(PriceEvent event, Instant appendedAt,
                                                 Collection<Subscription> subscriptions) {
        return subscriptions.stream()
                .filter(Subscription::isActive)
                .filter(subscription -> existedAt(subscription, appendedAt))
                .filter(subscription -> subscription.target().matches(event.pointId()))
                .filter(subscription -> subscription.rule().firesOn(event))
                .toList();
    }

    /**
     * Events appended before a subscription existed are history, not news: a new subscriber
     * (or a consumer replaying the log from the start) must not flood it with every past drop.
     */
    static boolean existedAt(Subscription subscription, Instant appendedAt) {
        return !appendedAt.isBefore(subscription.createdAt());
    }
}
