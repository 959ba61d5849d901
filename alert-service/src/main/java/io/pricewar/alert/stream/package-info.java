/**
 * Live notifications: {@code GET /api/v1/stream} streams, as Server-Sent Events, every
 * notification recorded for the caller's subscriptions, by whichever replica: at once when the
 * stream's own replica recorded it, within a poll interval (1 s) when another did. A
 * convenience beside the outbox, not a delivery channel: a stream that is not connected, or
 * falls behind, misses what passed meanwhile, and the deliveries API still lists it.
 */
package io.pricewar.alert.stream;
