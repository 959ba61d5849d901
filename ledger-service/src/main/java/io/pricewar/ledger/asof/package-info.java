/**
 * Prices as of an instant on the record's two time axes: in effect at T (effective time) and
 * known to the record at T (observation time). Rebuilt from history on each request, so it
 * needs no projection of its own and is never out of step with the log.
 */
package io.pricewar.ledger.asof;
