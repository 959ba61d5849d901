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
    @ValueSource(strings = {"免费", "Free", "限时免费"})
    void freeIsAPriceOfZero(String text) {
        Price price = PriceNotation.parse(text, new PriceNotation.Context(Currency.getInstance("CNY"), null));

        assertThat(price.isFree()).isTrue();
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
