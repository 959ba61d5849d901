/**
 * Live notifications: {@code GET /api/v1/stream} streams, as Server-Sent Events, every
 * notification this replica records for the caller's subscriptions, as it is recorded. A
 * convenience beside the outbox, not a delivery channel: a stream that is not connected, or
 * falls behind, misses what passed meanwhile, and the deliveries API still lists it.
 */
package io.pricewar.alert.stream;
