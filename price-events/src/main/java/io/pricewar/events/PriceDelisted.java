package io.pricewar.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A point is gone from its page, confirmed by repeated healthy scrapes. Never inferred from a
 * failed fetch or parse: those are scrape failures, not facts about prices.
 */
public record PriceDelisted(
        int schemaVersion,
        String eventId,
        PricePointId pointId,
        long seq,
        Price lastPrice,
        Instant observedAt,
        Instant effectiveFrom,
        Evidence evidence,
        String prevHash,
        String hash) implements PriceEvent {

    public PriceDelisted {
        EventHashing.requireCommon(pointId, seq, observedAt, evidence, prevHash, hash);
        Objects.requireNonNull(lastPrice, "lastPrice");
    }

    @Override
    public Price currentPrice() {
        return lastPrice;
    }
}
