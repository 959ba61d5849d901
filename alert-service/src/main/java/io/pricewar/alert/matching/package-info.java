/**
 * Matching: reads {@code price-events} and decides which subscriptions each event triggers.
 * {@link io.pricewar.alert.matching.SubscriptionMatcher} is the decision, in plain Java;
 * {@link io.pricewar.alert.matching.PriceEventListener} is the Kafka adapter that feeds it and
 * records the resulting deliveries before the record's offset is committed.
 */
package io.pricewar.alert.matching;
