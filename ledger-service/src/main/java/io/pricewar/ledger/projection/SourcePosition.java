package io.pricewar.ledger.projection;

/** Where a record sits in the log, kept beside what was projected from it. */
public record SourcePosition(String topic, int partition, long offset) {
}
