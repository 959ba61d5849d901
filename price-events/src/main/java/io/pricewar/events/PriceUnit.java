package io.pricewar.events;

import java.math.BigDecimal;

/**
 * The quantity of tokens a quoted price buys. Pages quote per token (JSON feeds), per thousand
 * (元/千tokens) or per million (元/百万tokens, $/MTok); comparisons use per million.
 */
public enum PriceUnit {
    PER_TOKEN(BigDecimal.valueOf(1_000_000)),
    PER_1K_TOKENS(BigDecimal.valueOf(1_000)),
    PER_1M_TOKENS(BigDecimal.ONE);

    private final BigDecimal toPerMillion;

    PriceUnit(BigDecimal toPerMillion) {
        this.toPerMillion = toPerMillion;
    }

    /** Scales an amount in this unit to the amount per one million tokens, exactly. */
    public BigDecimal perMillion(BigDecimal amount) {
        return canonical(amount.multiply(toPerMillion));
    }

    /** Drops trailing zeros without switching to exponent notation for whole numbers. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
