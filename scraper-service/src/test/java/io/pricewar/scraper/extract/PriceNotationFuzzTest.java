package io.pricewar.scraper.extract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a page puts in a cell, the parser either returns a valid price or refuses with a
 * {@link PriceNotationException}; any other exception would escape the extractor and fail the
 * whole page. In a normal build Jazzer runs in regression mode (its empty input, and any crash
 * files a fuzzing run left); {@link #hostileCellsAreReadOrRefused} checks the same property on
 * hand-picked cells; with {@code JAZZER_FUZZ=1} Jazzer fuzzes.
 */
class PriceNotationFuzzTest {

    private static final PriceNotation.Context[] CONTEXTS = {
            PriceNotation.Context.NONE,
            new PriceNotation.Context(Currency.getInstance("CNY"), PriceUnit.PER_1K_TOKENS),
            new PriceNotation.Context(Currency.getInstance("USD"), PriceUnit.PER_1M_TOKENS),
            PriceNotation.contextOf("输入（厘/千tokens）"),
    };

    @FuzzTest(maxDuration = "30s")
    void onlyEverReturnsAValidPriceOrRefusesWithAReason(FuzzedDataProvider data) {
        PriceNotation.Context context = CONTEXTS[data.consumeInt(0, CONTEXTS.length - 1)];
        readOrRefuse(context, data.consumeString(40), data.consumeRemainingAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0008元/千tokens", "$3 / MTok", "限时免费 原价0.8元", "１，０００", "-0.5", "", "\u0000",
            "999999999999999999999999999999.99999999999999999999", "1e400", "$$$", "元元", "/千/千", "((((", "0.5 %off",
            "\uD800", "𝟙𝟚", "٣", "½", "⅓元", "1,000,000,000,000/百万tokens", "per per per", "free free", "0.5 / m m"})
    void hostileCellsAreReadOrRefused(String cell) {
        for (PriceNotation.Context context : CONTEXTS) {
            readOrRefuse(context, "输入", cell);
        }
    }

    private static void readOrRefuse(PriceNotation.Context context, String header, String cell) {
        try {
            PriceNotation.Context fromHeader = context.overriddenBy(PriceNotation.contextOf(header));
            Price price = PriceNotation.read(cell, fromHeader).price();
            assertThat(price.amount().signum()).isNotNegative();
            assertThat(price.currency()).isNotNull();
            assertThat(price.unit()).isNotNull();
        } catch (PriceNotationException refused) {
            assertThat(refused.getMessage()).startsWith("cannot read a price from");
        }
    }
}
