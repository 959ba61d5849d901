package io.pricewar.alert.rules;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A model's prices per 1M tokens at one moment, in one currency.
 *
 * @param cached the cache-hit input price; null where the vendor has none, and then cached
 *               tokens are billed as input
 */
public record MeterPrices(BigDecimal input, BigDecimal output, BigDecimal cached, Currency currency) {
}
