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
 * the previous one and no new price. Every field the event's hash covers is kept, so the
 * event can be rebuilt and its hash recomputed ({@link #toEvent()}).
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
        SourcePosition source,
        int schemaVersion) {

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
                sourced.position(), e.schemaVersion());
    }

    /**
     * The event this entry was projected from, rebuilt field by field for hash verification.
     *
     * @throws IllegalArgumentException or NullPointerException when the stored fields no longer
     *                                  make an event (e.g. a price removed by hand)
     */
    public PriceEvent toEvent() {
        return switch (type) {
            case "PriceListed" -> new PriceListed(schemaVersion, eventId, pointId, seq, price, observedAt,
                    effectiveFrom, evidence, prevHash, hash);
            case "PriceChanged" -> new PriceChanged(schemaVersion, eventId, pointId, seq, previousPrice, price,
                    observedAt, effectiveFrom, evidence, prevHash, hash);
            case "PriceDelisted" -> new PriceDelisted(schemaVersion, eventId, pointId, seq, previousPrice,
                    observedAt, effectiveFrom, evidence, prevHash, hash);
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }
}
