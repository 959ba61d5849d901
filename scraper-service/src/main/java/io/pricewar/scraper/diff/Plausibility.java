package io.pricewar.scraper.diff;

import io.pricewar.events.Price;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Whether a change looks like a misreading rather than a repricing: a currency flip, a jump by
 * the unit mix-up factor (per 1K read as per 1M), or a move of the implausible size. Such a
 * change may well be real (the May 2024 cuts were 80-99%, some prices went to free), so it is
 * held and confirmed, never dropped.
 */
final class Plausibility {

    private final SafetyRules rules;

    Plausibility(SafetyRules rules) {
        this.rules = rules;
    }

    /** Why the change is doubtful, or empty when it may be published at once. */
    Optional<String> doubt(Price before, Price after) {
        if (!before.currency().equals(after.currency())) {
            return Optional.of("currency flip " + before.currency() + " -> " + after.currency());
        }
        BigDecimal old = before.per1M();
        BigDecimal now = after.per1M();
        if (old.signum() == 0) {
            return now.signum() == 0 ? Optional.empty() : Optional.of("was free, now " + after);
        }
        if (now.signum() != 0 && isFactorApart(old, now)) {
            return Optional.of("x" + rules.unitMixUpFactor().toPlainString() + " jump, a unit mix-up? " + before + " -> " + after);
        }
        BigDecimal move = now.subtract(old).abs().divide(old, MathContext.DECIMAL64);
        if (move.compareTo(rules.implausibleMove()) >= 0) {
            return Optional.of("move of " + move.movePointRight(2).stripTrailingZeros().toPlainString() + "%: "
                    + before + " -> " + after);
        }
        return Optional.empty();
    }

    private boolean isFactorApart(BigDecimal a, BigDecimal b) {
        BigDecimal ratio = a.max(b).divide(a.min(b), MathContext.DECIMAL64);
        return ratio.compareTo(rules.unitMixUpFactor()) >= 0;
    }
}
