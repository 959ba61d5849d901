package io.pricewar.alert.subscription;

import java.time.Instant;

/**
 * A subscription as it was last written, for replicas that keep subscriptions in memory.
 *
 * @param deleted   true once its owner deleted it; kept as a tombstone so every replica learns it
 * @param changedAt when it was last written, by the writer's clock
 */
public record SubscriptionChange(Subscription subscription, boolean deleted, Instant changedAt) {
}
