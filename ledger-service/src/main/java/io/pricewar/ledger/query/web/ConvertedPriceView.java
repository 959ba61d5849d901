package io.pricewar.ledger.query.web;

import io.pricewar.events.Price;
import io.pricewar.ledger.workload.FxRates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * A history entry's prices per 1M tokens in another currency, by the rate of the day the entry
 * took effect; {@code rate} is null when no conversion was needed (the same currency). Exact
 * decimals as strings, like every amount in the API; rounding for display is the reader's.
 */
public record ConvertedPriceView(String currency, String previousPer1M, String per1M, FxRateView rate) {

    static ConvertedPriceView of(Price previous, Price price, Instant effectiveAt, Currency target, FxRates fx) {
        LocalDate day = LocalDate.ofInstant(effectiveAt, ZoneOffset.UTC);
        Price quoted = price != null ? price : previous;
        FxRates.Rate rate = fx.rate(quoted.currency(), target, day);
        return new ConvertedPriceView(target.getCurrencyCode(), per1M(previous, target, day, fx),
                per1M(price, target, day, fx), quoted.currency().equals(target) ? null : FxRateView.of(rate));
    }

    private static String per1M(Price price, Currency target, LocalDate day, FxRates fx) {
        if (price == null) {
            return null;
        }
        return fx.rate(price.currency(), target, day).apply(price.per1M()).stripTrailingZeros().toPlainString();
    }
}
