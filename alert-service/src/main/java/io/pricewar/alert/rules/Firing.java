package io.pricewar.alert.rules;

import java.math.BigDecimal;

/**
 * Why a condition fired on an event, for the notification to say.
 *
 * @param kind        the condition's type, e.g. {@code DROP_AT_LEAST}
 * @param dropPercent how much lower the new price is, in percent to 2 decimals; null if no drop
 * @param threshold   the threshold crossed and the conversion used; null for other conditions
 */
public record Firing(String kind, BigDecimal dropPercent, ThresholdCrossing threshold) {

    /** The new price, converted into the threshold's currency per 1M tokens with a named rate. */
    public record ThresholdCrossing(BigDecimal thresholdPer1M, BigDecimal convertedPer1M, FxRates.Rate rate) {
    }

    static Firing of(String kind) {
        return new Firing(kind, null, null);
    }
}
