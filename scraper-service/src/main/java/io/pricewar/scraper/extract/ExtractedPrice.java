package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;

import java.time.Instant;
import java.util.Objects;

/**
 * One price read off a page, with the cell text exactly as the page showed it.
 *
 * @param promotion     the page says the price holds for a limited time only (限时免费)
 * @param effectiveFrom when the page announces the price for a later date ("from 16:00 UTC on
 *                      Sept 5th, 2025 we will apply ..."), that instant; null for today's price
 */
public record ExtractedPrice(PricePointId pointId, Price price, String cellText, boolean promotion,
                             Instant effectiveFrom) {

    public ExtractedPrice {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(cellText, "cellText");
    }

    /** Today's price, as most cells show it. */
    public ExtractedPrice(PricePointId pointId, Price price, String cellText) {
        this(pointId, price, cellText, false, null);
    }

    public boolean announced() {
        return effectiveFrom != null;
    }

    ExtractedPrice effectiveFrom(Instant instant) {
        return new ExtractedPrice(pointId, price, cellText, promotion, instant);
    }
}
