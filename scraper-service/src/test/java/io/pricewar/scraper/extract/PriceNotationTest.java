package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceNotationTest {

    private static final PriceNotation.Context NOTHING = PriceNotation.Context.NONE;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0008元/千tokens        | 0.0008 | CNY | PER_1K_TOKENS
            0.8元/百万tokens         | 0.8    | CNY | PER_1M_TOKENS
            2 元 / 百万 Tokens       | 2      | CNY | PER_1M_TOKENS
            5厘/千tokens             | 0.005  | CNY | PER_1K_TOKENS
            $3 / MTok                | 3      | USD | PER_1M_TOKENS
            $1.10 / 1M tokens        | 1.10   | USD | PER_1M_TOKENS
            ＄０．０７ ／ １Ｍ tokens | 0.07   | USD | PER_1M_TOKENS
            ¥1，000/百万tokens       | 1000   | CNY | PER_1M_TOKENS
            $0.00000015 / token      | 0.00000015 | USD | PER_TOKEN
            USD 0.27 per 1M tokens   | 0.27   | USD | PER_1M_TOKENS
            $5.00 / 1M input tokens  | 5.00   | USD | PER_1M_TOKENS
            0.5美元/百万tokens        | 0.5    | USD | PER_1M_TOKENS
            ￥12.00 / 百万 Tokens     | 12     | CNY | PER_1M_TOKENS
            $0.035 (50% OFF)/MTok    | 0.035  | USD | PER_1M_TOKENS
            ¥1,234,567.5/百万tokens  | 1234567.5 | CNY | PER_1M_TOKENS
            """)
    void readsEveryNotationExactly(String text, String amount, String currency, PriceUnit unit) {
        Price price = PriceNotation.parse(text, NOTHING);

        assertThat(price.amount()).isEqualByComparingTo(amount);
        assertThat(price.currency()).isEqualTo(Currency.getInstance(currency));
        assertThat(price.unit()).isEqualTo(unit);
    }

    @Test
    void takesWhatTheCellDoesNotSayFromTheHeader() {
        PriceNotation.Context header = PriceNotation.contextOf("输入单价（元/千tokens）");

        Price price = PriceNotation.parse("0.0005", header);

        assertThat(price).satisfies(p -> assertThat(p.sameAs(Price.of("0.0005", "CNY", PriceUnit.PER_1K_TOKENS))).isTrue());
    }

    @Test
    void aCellsOwnUnitWinsOverItsHeader() {
        Price price = PriceNotation.parse("0.8元/百万tokens", PriceNotation.contextOf("输入（元/千tokens）"));

        assertThat(price.unit()).isEqualTo(PriceUnit.PER_1M_TOKENS);
    }

    @ParameterizedTest
    @CsvSource({"¥0.5, 0.5, CNY", "$0.07, 0.07, USD", "USD 0.27, 0.27, USD", "0.27 usd, 0.27, USD"})
    void takesTheUnitFromTheHeaderWhenTheCellNamesOnlyTheCurrency(String text, String amount, String currency) {
        Price price = PriceNotation.parse(text, PriceNotation.contextOf("Input (per 1M tokens)"));

        assertThat(price.sameAs(Price.of(amount, currency, PriceUnit.PER_1M_TOKENS))).isTrue();
    }

    @Test
    void aHeaderNamingMillionTokensInWordsGivesTheUnit() {
        Price price = PriceNotation.parse("$0.4", PriceNotation.contextOf("Input price (Million tokens)"));

        assertThat(price.sameAs(Price.of("0.4", "USD", PriceUnit.PER_1M_TOKENS))).isTrue();
    }

    @Test
    void aHeaderNamingTenMillionTokensNamesNoUnitPricesAreKeptIn() {
        assertThat(PriceNotation.contextOf("Input price (10 million tokens)").unit()).isNull();
    }

    @Test
    void aHeaderInLiScalesEveryCellToYuan() {
        Price price = PriceNotation.parse("5", PriceNotation.contextOf("输入（厘/千tokens）"));

        assertThat(price.sameAs(Price.of("0.005", "CNY", PriceUnit.PER_1K_TOKENS))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"免费", "Free", "FREE", "ｆｒｅｅ"})
    void freeIsAPriceOfZero(String text) {
        PriceNotation.Reading reading = PriceNotation.read(text, new PriceNotation.Context(Currency.getInstance("CNY"), null));

        assertThat(reading.price().isFree()).isTrue();
        assertThat(reading.promotion()).isFalse();
    }

    @Test
    void limitedTimeFreeIsFreeFlaggedAsAPromotion() {
        PriceNotation.Reading reading = PriceNotation.read("限时免费", PriceNotation.contextOf("输入（元/千tokens）"));

        assertThat(reading.price().sameAs(Price.of("0", "CNY", PriceUnit.PER_1K_TOKENS))).isTrue();
        assertThat(reading.promotion()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Limited-time Free", "limited time free", "LIMITED-TIME FREE"})
    void limitedTimeFreeInEnglishIsFreeFlaggedAsAPromotion(String text) {
        PriceNotation.Reading reading = PriceNotation.read(text, PriceNotation.contextOf("Input ($/1M tokens)"));

        assertThat(reading.price().sameAs(Price.of("0", "USD", PriceUnit.PER_1M_TOKENS))).isTrue();
        assertThat(reading.promotion()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            限时免费 0.8元           | free and also names a price
            限时免费 原价0.8元       | not part of a price
            -0.5                     | not part of a price
            0.5元/万tokens           | not a unit prices are kept in
            $0.5 ¥3                  | more than one
            0,5                      | not part of a price
            1,00                     | not part of a price
            1.000,5                  | not part of a price
            2e-6                     | not part of a price
            0.5元/千tokens/百万tokens | more than one unit
            0.5 or 0.8               | not part of a price
            carefree 0.5             | not part of a price
            Limited-time Free $0.6   | free and also names a price
            limited-time freebie     | not part of a price
            """)
    void rejectsAmbiguousTextWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> PriceNotation.parse(text, PriceNotation.contextOf("输入（元/千tokens）")))
                .isInstanceOf(PriceNotationException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"请咨询销售", "", "  ", "0.5 - 0.8", "-"})
    void rejectsWhatItCannotReadInsteadOfGuessing(String text) {
        PriceNotation.Context header = PriceNotation.contextOf("输入（元/千tokens）");

        assertThatThrownBy(() -> PriceNotation.parse(text, header))
                .isInstanceOf(PriceNotationException.class)
                .hasMessageContaining("cannot read a price");
    }

    @Test
    void rejectsAPriceWhoseUnitNobodyStates() {
        assertThatThrownBy(() -> PriceNotation.parse("¥0.5", NOTHING))
                .isInstanceOf(PriceNotationException.class)
                .hasMessageContaining("unit");
    }
}
