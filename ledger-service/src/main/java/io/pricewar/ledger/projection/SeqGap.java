package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;

/**
 * Events of a point the ledger has not seen: it stood at {@code expectedSeq - 1} and the log
 * gave {@code foundSeq}. Recorded rather than fatal, because the log is the system of record:
 * the ledger shows what was published and flags what is missing for an auditor.
 */
public record SeqGap(PricePointId pointId, long expectedSeq, long foundSeq, String eventId, SourcePosition source) {
}
