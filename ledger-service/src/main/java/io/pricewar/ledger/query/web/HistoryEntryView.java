package io.pricewar.ledger.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pricewar.events.Evidence;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.workload.FxRates;

import java.time.Instant;
import java.util.Currency;

/**
 * One event of a point; {@code previousPrice} is null for a listing, {@code price} null for a
 * delisting. {@code effectiveAt} is when the price applies (the announced date, else when it was
 * observed); {@code converted} is there only when a history was asked for in a currency.
 */
public record HistoryEntryView(
        long seq,
        String type,
        String eventId,
        PriceView previousPrice,
        PriceView price,
        Instant observedAt,
        Instant effectiveFrom,
        Instant effectiveAt,
        Evidence evidence,
        String prevHash,
        String hash,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConvertedPriceView converted) {

    public static HistoryEntryView of(HistoryEntry entry) {
        return new HistoryEntryView(entry.seq(), entry.type(), entry.eventId(), PriceView.of(entry.previousPrice()),
                PriceView.of(entry.price()), entry.observedAt(), entry.effectiveFrom(), entry.effectiveAt(),
                entry.evidence(), entry.prevHash(), entry.hash(), null);
    }

    /** With its prices also in {@code currency}, by the rate of the day it took effect. */
    static HistoryEntryView of(HistoryEntry entry, Currency currency, FxRates fx) {
        HistoryEntryView view = of(entry);
        return new HistoryEntryView(view.seq, view.type, view.eventId, view.previousPrice, view.price,
                view.observedAt, view.effectiveFrom, view.effectiveAt, view.evidence, view.prevHash, view.hash,
                ConvertedPriceView.of(entry.previousPrice(), entry.price(), entry.effectiveAt(), currency, fx));
    }
}
