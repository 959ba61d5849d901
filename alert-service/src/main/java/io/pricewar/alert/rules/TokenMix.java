package io.pricewar.alert.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A subscriber's own workload as shares of input, output and cached (cache-hit) input tokens,
 * e.g. 3:1:0. Only the ratio matters.
 */
public record TokenMix(BigDecimal input, BigDecimal output, BigDecimal cached) {

    public TokenMix {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        cached = cached == null ? BigDecimal.ZERO : cached;
        if (input.signum() < 0 || output.signum() < 0 || cached.signum() < 0) {
            throw new IllegalArgumentException("token shares cannot be negative");
        }
        if (input.add(output).add(cached).signum() == 0) {
            throw new IllegalArgumentException("a token mix needs at least one positive share");
        }
    }

    public BigDecimal total() {
        return input.add(output).add(cached);
    }
}
