package io.pricewar.alert.rules;

import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.PointHead;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;

class AlertConditionTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    static final FxRates FX = new FxRates(List.of(
            new FxRates.Table(LocalDate.parse("2024-05-01"), Map.of(CNY, new BigDecimal("7.2400"))),
            new FxRates.Table(LocalDate.parse("2024-06-01"), Map.of(CNY, new BigDecimal("7.3000")))));

    static final AlertCondition BELOW_20_CNY = new AlertCondition.AtOrBelow(new BigDecimal("20"), CNY);

    final PriceListed qwenMax = listed(doubaoInput("qwen-max"), cnyPer1K("0.12"));

    @Test
    void dropAtLeastFiresAtExactlyThePercentAndNotBelowIt() {
        AlertCondition twentyPercent = new AlertCondition.DropAtLeast(new BigDecimal("20"));

        assertThat(twentyPercent.judge(changed(qwenMax, cnyPer1K("0.096")), FX)).hasValueSatisfying(
                firing -> assertThat(firing.dropPercent()).isEqualByComparingTo("20"));
        assertThat(twentyPercent.judge(changed(qwenMax, cnyPer1K("0.0961")), FX)).isEmpty();
    }

    @Test
    void atOrBelowConvertsAUsdPriceWithTheRateOfItsDayAndNamesRateAndDate() {
        var firing = BELOW_20_CNY.judge(usdCutOn("2024-05-20T00:00:00Z"), FX).orElseThrow();

        assertThat(firing.threshold().convertedPer1M()).isEqualByComparingTo("18.1");
        assertThat(firing.threshold().convertedPer1M().scale()).isEqualTo(FxRates.CONVERTED_SCALE);
        assertThat(firing.threshold().rate().rate()).isEqualByComparingTo("7.24");
        assertThat(firing.threshold().rate().date()).isEqualTo(LocalDate.parse("2024-05-01"));
        assertThat(firing.threshold().rate().from()).isEqualTo(USD);
    }

    /** With the case above, pins "newest on or before the day": neither always the newest nor the oldest table. */
    @Test
    void atOrBelowConvertsAPriceDatedAfterANewerTableWithThatTablesRate() {
        var firing = BELOW_20_CNY.judge(usdCutOn("2024-06-10T00:00:00Z"), FX).orElseThrow();

        assertThat(firing.threshold().convertedPer1M()).isEqualByComparingTo("18.25");
        assertThat(firing.threshold().rate().rate()).isEqualByComparingTo("7.30");
        assertThat(firing.threshold().rate().date()).isEqualTo(LocalDate.parse("2024-06-01"));
    }

    @Test
    void atOrBelowFiresOnceOnTheCrossingNotOnEveryLowerPriceAfter() {
        AlertCondition belowOneCny = new AlertCondition.AtOrBelow(BigDecimal.ONE, CNY);
        PriceChanged crossing = changed(qwenMax, cnyPer1K("0.0008"));
        PriceChanged lowerStill = changed(crossing, cnyPer1K("0.0005"));

        assertThat(belowOneCny.judge(crossing, FX)).isPresent();
        assertThat(belowOneCny.judge(lowerStill, FX)).isEmpty();
    }

    @Test
    void atOrBelowJudgesNothingNoRateCovers() {
        PriceListed yen = PriceEvents.listed(PointHead.genesis(doubaoInput("jp-model")),
                Price.of("1", "JPY", PriceUnit.PER_1M_TOKENS), seen("2024-05-13T00:00:00Z"));

        assertThat(new AlertCondition.AtOrBelow(BigDecimal.TEN, CNY).judge(yen, FX)).isEmpty();
    }

    @Test
    void becameFreeFiresOnlyOnTheStepToZero() {
        PriceChanged free = changed(qwenMax, cnyPer1K("0"));
        PriceChanged stillFree = changed(free, cnyPer1K("0.000"));

        assertThat(new AlertCondition.BecameFree().judge(free, FX)).isPresent();
        assertThat(new AlertCondition.BecameFree().judge(stillFree, FX)).isEmpty();
        assertThat(new AlertCondition.BecameFree().judge(changed(qwenMax, cnyPer1K("0.01")), FX)).isEmpty();
    }

    @Test
    void delistedFiresOnADelistingOnly() {
        var delisted = PriceEvents.delisted(qwenMax.head(), qwenMax.currentPrice(), seen("2024-05-16T00:00:00Z"));

        assertThat(new AlertCondition.Delisted().judge(delisted, FX)).isPresent();
        assertThat(new AlertCondition.Delisted().judge(qwenMax, FX)).isEmpty();
        assertThat(new AlertCondition.AnyDrop().judge(delisted, FX)).isEmpty();
    }

    /** GPT-4o listed at 5 USD per 1M in May, cut to 2.5 USD at {@code at}. */
    private static PriceChanged usdCutOn(String at) {
        PriceListed gpt4o = PriceEvents.listed(PointHead.genesis(doubaoInput("gpt-4o")),
                Price.of("5", "USD", PriceUnit.PER_1M_TOKENS), seen("2024-05-13T00:00:00Z"));
        return PriceEvents.changed(gpt4o.head(), gpt4o.currentPrice(),
                Price.of("2.5", "USD", PriceUnit.PER_1M_TOKENS), seen(at));
    }

    private static Observation seen(String at) {
        java.time.Instant instant = java.time.Instant.parse(at);
        return Observation.now(instant, new Evidence("https://example.test/pricing", instant, "ab".repeat(32), "cell"));
    }
}
