package io.pricewar.ledger.projection;

import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ledger keeps amounts exactly as IEEE 754 decimal128: up to 34 significant digits. An event
 * with a longer amount cannot be stored without rounding; it is rejected like an unreadable
 * record, because retrying it would fail the same way forever and stall its partition.
 */
public final class StorableAmounts {

    static final int MAX_DIGITS = 34;
    private static final int MIN_EXPONENT = -6176;
    private static final int MAX_EXPONENT = 6111;

    private StorableAmounts() {
    }

    /** Why the event's amounts cannot be stored exactly, or empty when they can. */
    public static Optional<String> whyNotStorable(PriceEvent event) {
        return pricesOf(event)
                .flatMap(price -> Stream.of(price.amount(), price.per1M()))
                .filter(amount -> !fits(amount))
                .findFirst()
                .map(amount -> "amount " + amount.toPlainString() + " does not fit " + MAX_DIGITS
                        + " significant digits and cannot be stored exactly");
    }

    static boolean fits(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int exponent = -stripped.scale();
        return stripped.precision() <= MAX_DIGITS && exponent >= MIN_EXPONENT
                && exponent + stripped.precision() - 1 <= MAX_EXPONENT;
    }

    private static Stream<Price> pricesOf(PriceEvent event) {
        return switch (event) {
            case PriceListed listed -> Stream.of(listed.price());
            case PriceChanged changed -> Stream.of(changed.previousPrice(), changed.newPrice());
            case PriceDelisted delisted -> Stream.of(delisted.lastPrice());
        };
    }
}
