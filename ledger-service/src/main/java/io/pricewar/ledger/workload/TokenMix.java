package io.pricewar.ledger.workload;

import io.pricewar.ledger.query.InvalidParameterException;

import java.math.BigDecimal;

/** Relative amounts of input, output and cached-input tokens in a workload, e.g. 3:1:0. */
public record TokenMix(BigDecimal input, BigDecimal output, BigDecimal cachedInput) {

    public TokenMix {
        if (input.signum() < 0 || output.signum() < 0 || cachedInput.signum() < 0
                || input.add(output).add(cachedInput).signum() == 0) {
            throw new InvalidParameterException("mix", input + ":" + output + ":" + cachedInput,
                    "needs non-negative parts, not all zero");
        }
    }

    /** "input:output" or "input:output:cachedInput", each a decimal number. */
    public static TokenMix parse(String mix) {
        String[] parts = mix.strip().split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidParameterException("mix", mix, "must be input:output or input:output:cachedInput");
        }
        try {
            return new TokenMix(new BigDecimal(parts[0]), new BigDecimal(parts[1]),
                    parts.length == 3 ? new BigDecimal(parts[2]) : BigDecimal.ZERO);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("mix", mix, "must be decimal numbers separated by ':'");
        }
    }

    public BigDecimal total() {
        return input.add(output).add(cachedInput);
    }

    @Override
    public String toString() {
        return input.toPlainString() + ":" + output.toPlainString() + ":" + cachedInput.toPlainString();
    }
}
