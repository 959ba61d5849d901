/**
 * Answers questions about prices from the projection: where each point stands now, and the
 * history of one point. The {@code web} adapter turns requests into {@link
 * io.pricewar.ledger.query.PriceQueries} calls and user errors into RFC 9457 problem details;
 * the {@code mongo} adapter reads the projection's collections.
 */
package io.pricewar.ledger.query;
