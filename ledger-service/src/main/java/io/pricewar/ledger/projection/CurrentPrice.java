package io.pricewar.ledger.projection;

import io.pricewar.events.Price;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;

import java.time.Instant;

/** Where a point stands after its latest event: the price in force, or the last one if delisted. */
public record CurrentPrice(
        PricePointId pointId,
        PointStatus status,
        long seq,
        Price price,
        Instant observedAt,
        Instant effectiveAt,
        String lastEventId) {

    /** Where a point stood right after a stored event, as the as-of queries reconstruct it. */
    public static CurrentPrice after(HistoryEntry entry) {
        boolean delisted = entry.price() == null;
        return new CurrentPrice(entry.pointId(), delisted ? PointStatus.DELISTED : PointStatus.LISTED, entry.seq(),
                delisted ? entry.previousPrice() : entry.price(), entry.observedAt(), entry.effectiveAt(),
                entry.eventId());
    }

    public static CurrentPrice after(PriceEvent event) {
        PointStatus status = event instanceof PriceDelisted ? PointStatus.DELISTED : PointStatus.LISTED;
        return new CurrentPrice(event.pointId(), status, event.seq(), event.currentPrice(),
                event.observedAt(), event.effectiveAt(), event.eventId());
    }
}
