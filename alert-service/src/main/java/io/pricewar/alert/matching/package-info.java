/**
 * Matching: reads {@code price-events} and decides what each event triggers.
 * {@link io.pricewar.alert.matching.SubscriptionIndex} finds the subscriptions whose target covers
 * a point by hash lookups; {@link io.pricewar.alert.matching.SubscriptionMatcher} judges their
 * conditions (plain Java). The adapters beside them: the Kafka listener that records deliveries
 * before the offset is committed, the replica's live copy of subscriptions kept current by
 * polling MongoDB, cooldown windows, the per-point price view and the blended judge that
 * evaluates models on token mixes once their meters have settled.
 */
package io.pricewar.alert.matching;
