package io.pricewar.alert.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline trick, seen through: a model's price is what the subscriber's own mix of input,
 * output and cached tokens costs, not the input price a headline quotes. Doubao Pro-32k's
 * 0.8 CNY was input only; Qwen-Max was cut on input only.
 */
public final class BlendedPrice {

    /** Blends are kept to 10 decimals per 1M tokens, far below any price a page shows. */
    public static final int SCALE = 10;

    /** Set when the input price fell while the output price stayed or rose. */
    public static final String INPUT_CUT_ONLY = "INPUT_CUT_ONLY";

    public enum Outcome {
        /** The blend is lower: notify. */
        BLENDED_DROP,
        /** Input cut, output not, blend not lower: a headline, reported as such if asked. */
        HEADLINE_CUT,
        /** Nothing to say, or nothing that can be judged (a meter or a common currency missing). */
        NONE
    }

    public record Verdict(Outcome outcome, BigDecimal before, BigDecimal after, List<String> flags) {
    }

    private BlendedPrice() {
    }

    public static BigDecimal of(TokenMix mix, MeterPrices prices) {
        BigDecimal cached = prices.cached() != null ? prices.cached() : prices.input();
        BigDecimal weighted = prices.input().multiply(mix.input())
                .add(prices.output().multiply(mix.output()))
                .add(cached.multiply(mix.cached()));
        return weighted.divide(mix.total(), MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Verdict judge(TokenMix mix, MeterPrices before, MeterPrices after) {
        if (!comparable(before, after)) {
            return new Verdict(Outcome.NONE, null, null, List.of());
        }
        BigDecimal was = of(mix, before);
        BigDecimal is = of(mix, after);
        List<String> flags = new ArrayList<>();
        boolean inputCutOnly = after.input().compareTo(before.input()) < 0
                && after.output().compareTo(before.output()) >= 0;
        if (inputCutOnly) {
            flags.add(INPUT_CUT_ONLY);
        }
        Outcome outcome = is.compareTo(was) < 0 ? Outcome.BLENDED_DROP
                : inputCutOnly ? Outcome.HEADLINE_CUT : Outcome.NONE;
        return new Verdict(outcome, was, is, List.copyOf(flags));
    }

    private static boolean comparable(MeterPrices before, MeterPrices after) {
        return before != null && after != null && before.input() != null && before.output() != null
                && after.input() != null && after.output() != null && before.currency().equals(after.currency());
    }
}
