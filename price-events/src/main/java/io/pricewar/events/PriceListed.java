package io.pricewar.events;

import java.time.Instant;

/** A price point seen for the first time (or again after it was delisted). */
public record PriceListed(
        int schemaVersion,
        String eventId,
        PricePointId pointId,
        long seq,
        Price price,
        Instant observedAt,
        Instant effectiveFrom,
        Evidence evidence,
        String prevHash,
        String hash) implements PriceEvent {

    public PriceListed {
        EventHashing.requireCommon(pointId, seq, observedAt, evidence, prevHash, hash);
        java.util.Objects.requireNonNull(price, "price");
    }

    @Override
    public Price currentPrice() {
        return price;
    }
}
