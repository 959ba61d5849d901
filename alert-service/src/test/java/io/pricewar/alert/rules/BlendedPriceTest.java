package io.pricewar.alert.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class BlendedPriceTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final TokenMix ONE_IN_THREE_OUT = new TokenMix(new BigDecimal("1"), new BigDecimal("3"), null);

    @Test
    void anInputCutWithAHigherOutputPriceIsNotADropButIsFlagged() {
        MeterPrices before = prices("120", "120");
        MeterPrices after = prices("40", "200");

        BlendedPrice.Verdict verdict = BlendedPrice.judge(ONE_IN_THREE_OUT, before, after);

        assertThat(verdict.outcome()).isEqualTo(BlendedPrice.Outcome.HEADLINE_CUT);
        assertThat(verdict.flags()).containsExactly(BlendedPrice.INPUT_CUT_ONLY);
        assertThat(verdict.before()).isEqualByComparingTo("120");
        assertThat(verdict.after()).isEqualByComparingTo("160");
    }

    @Test
    void anInputCutWithAnUnchangedOutputIsADropOfTheBlendAndStillFlagged() {
        BlendedPrice.Verdict verdict = BlendedPrice.judge(ONE_IN_THREE_OUT, prices("120", "120"), prices("40", "120"));

        assertThat(verdict.outcome()).isEqualTo(BlendedPrice.Outcome.BLENDED_DROP);
        assertThat(verdict.flags()).containsExactly(BlendedPrice.INPUT_CUT_ONLY);
        assertThat(verdict.after()).isEqualByComparingTo("100");
    }

    @Test
    void anOutputOnlyMixIgnoresAnInputCut() {
        TokenMix outputOnly = new TokenMix(BigDecimal.ZERO, BigDecimal.ONE, null);

        assertThat(BlendedPrice.judge(outputOnly, prices("120", "120"), prices("40", "120")).outcome())
                .isEqualTo(BlendedPrice.Outcome.HEADLINE_CUT);
    }

    @Test
    void cachedTokensAreBilledAsInputWhereTheModelHasNoCachePrice() {
        TokenMix cachedOnly = new TokenMix(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);

        assertThat(BlendedPrice.of(cachedOnly, prices("2", "8"))).isEqualByComparingTo("2");
        assertThat(BlendedPrice.of(cachedOnly, new MeterPrices(new BigDecimal("2"), new BigDecimal("8"),
                new BigDecimal("0.5"), CNY))).isEqualByComparingTo("0.5");
    }

    @Test
    void aModelWithoutAnOutputPriceCannotBeJudged() {
        MeterPrices inputOnly = new MeterPrices(BigDecimal.ONE, null, null, CNY);

        assertThat(BlendedPrice.judge(ONE_IN_THREE_OUT, inputOnly, inputOnly).outcome())
                .isEqualTo(BlendedPrice.Outcome.NONE);
    }

    private static MeterPrices prices(String input, String output) {
        return new MeterPrices(new BigDecimal(input), new BigDecimal(output), null, CNY);
    }
}
