/**
 * Ledger benchmarks: {@link io.pricewar.bench.ledger.ProjectionThroughput} measures the
 * projection against the raw bulk-insert ceiling of the same MongoDB-wire server, and replay.
 */
package io.pricewar.bench.ledger;
