/**
 * The ledger's projection of {@code price-events}: how a batch of events, read in log order,
 * becomes history entries, current prices and recorded seq gaps. The decisions live in
 * {@link io.pricewar.ledger.projection.ProjectionFold}, free of Spring, Kafka and MongoDB, so
 * that a replay from offset 0 and a live consumer cannot disagree. The {@code kafka} adapter
 * feeds it, the {@code mongo} adapter stores what it decides.
 */
package io.pricewar.ledger.projection;
