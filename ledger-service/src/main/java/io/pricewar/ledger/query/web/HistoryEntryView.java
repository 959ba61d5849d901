package io.pricewar.ledger.query.web;

import io.pricewar.events.Evidence;
import io.pricewar.ledger.projection.HistoryEntry;

import java.time.Instant;

/** One event of a point; {@code previousPrice} is null for a listing, {@code price} null for a delisting. */
public record HistoryEntryView(
        long seq,
        String type,
        String eventId,
        PriceView previousPrice,
        PriceView price,
        Instant observedAt,
        Instant effectiveFrom,
        Evidence evidence,
        String prevHash,
        String hash) {

    public static HistoryEntryView of(HistoryEntry entry) {
        return new HistoryEntryView(entry.seq(), entry.type(), entry.eventId(), PriceView.of(entry.previousPrice()),
                PriceView.of(entry.price()), entry.observedAt(), entry.effectiveFrom(), entry.evidence(),
                entry.prevHash(), entry.hash());
    }
}
