/**
 * Feeds the projection from {@code price-events}: a batch listener of the {@code ledger-service}
 * group that reads each record itself (so a malformed record is dead-lettered with its reason,
 * not retried forever), stores the batch, and only then commits its offsets. A failed store is
 * retried with backoff, without end, because skipping a batch would lose events.
 */
package io.pricewar.ledger.projection.kafka;
