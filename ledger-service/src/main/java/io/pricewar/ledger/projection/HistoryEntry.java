package io.pricewar.ledger.projection;

import io.pricewar.events.Evidence;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;

import java.time.Instant;

/**
 * One event of a point as the ledger keeps it. Prices follow the hash chain's reading of each
 * kind: a listing has no previous price, a change has both, a delisting has its last price as
 * the previous one and no new price.
 */
public record HistoryEntry(
        PricePointId pointId,
        long seq,
        String type,
        String eventId,
        Price previousPrice,
        Price price,
        Instant observedAt,
        Instant effectiveFrom,
        Instant effectiveAt,
        Evidence evidence,
        String prevHash,
        String hash,
        SourcePosition source) {

    public static HistoryEntry of(SourcedEvent sourced) {
        PriceEvent e = sourced.event();
        Price previous = switch (e) {
            case PriceListed listed -> null;
            case PriceChanged changed -> changed.previousPrice();
            case PriceDelisted delisted -> delisted.lastPrice();
        };
        Price price = switch (e) {
            case PriceListed listed -> listed.price();
            case PriceChanged changed -> changed.newPrice();
            case PriceDelisted delisted -> null;
        };
        return new HistoryEntry(e.pointId(), e.seq(), e.getClass().getSimpleName(), e.eventId(), previous, price,
                e.observedAt(), e.effectiveFrom(), e.effectiveAt(), e.evidence(), e.prevHash(), e.hash(),
                sourced.position());
    }
}
