package io.pricewar.ledger.workload;

import java.time.LocalDate;
import java.util.Currency;
import java.util.OptionalLong;

/**
 * A ranking request: the token mix, the currency to compare in, the day whose exchange rates
 * apply, and the least context a model must have (empty: any).
 */
public record Workload(TokenMix mix, Currency currency, LocalDate day, OptionalLong minContext) {
}
