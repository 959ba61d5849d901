/** Consumes {@code page-snapshots} as group {@code ledger-evidence}; unusable records are counted and logged. */
package io.pricewar.ledger.evidence.kafka;
