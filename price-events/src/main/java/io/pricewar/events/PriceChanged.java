package io.pricewar.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;

/** A point's price moved from {@code previousPrice} to {@code newPrice}. */
public record PriceChanged(
        int schemaVersion,
        String eventId,
        PricePointId pointId,
        long seq,
        Price previousPrice,
        Price newPrice,
        Instant observedAt,
        Instant effectiveFrom,
        Evidence evidence,
        String prevHash,
        String hash) implements PriceEvent {

    public PriceChanged {
        EventHashing.requireCommon(pointId, seq, observedAt, evidence, prevHash, hash);
        Objects.requireNonNull(previousPrice, "previousPrice");
        Objects.requireNonNull(newPrice, "newPrice");
    }

    @Override
    public Price currentPrice() {
        return newPrice;
    }

    /**
     * True when the new price is lower per million tokens in the same currency. A currency
     * change is not a drop: comparing it needs an exchange rate, which is the consumer's call.
     */
    @JsonIgnore
    public boolean isDrop() {
        return previousPrice.currency().equals(newPrice.currency())
                && newPrice.per1M().compareTo(previousPrice.per1M()) < 0;
    }
}
