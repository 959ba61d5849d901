package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any price, written the way some vendor writes it, reads back as exactly that price: the same
 * decimal value, currency and unit, whatever the notation, width of the characters or grouping
 * of the digits.
 */
class PriceNotationPropertiesTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    /** One way of writing a price: the cell's text and the header it stands under. */
    record Written(Price price, String cell, String header) {
    }

    @Property(tries = 2000)
    void formatThenParseReturnsTheSameExactPrice(@ForAll("written") Written written) {
        Price read = PriceNotation.parse(written.cell(), PriceNotation.contextOf(written.header()));

        assertThat(read.amount()).as(written.cell()).isEqualByComparingTo(written.price().amount());
        assertThat(read.currency()).as(written.cell()).isEqualTo(written.price().currency());
        assertThat(read.unit()).as(written.cell()).isEqualTo(written.price().unit());
    }

    @Property(tries = 500)
    void twoPricesInOneCellAreNeverReadAsEither(@ForAll("written") Written first, @ForAll("amounts") BigDecimal other) {
        String cell = first.cell() + " " + other.toPlainString();

        assertThatThrownBy(() -> PriceNotation.parse(cell, PriceNotation.contextOf(first.header())))
                .isInstanceOf(PriceNotationException.class);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<Long> unscaled = Arbitraries.longs().between(0, 99_999_999_999L);
        Arbitrary<Integer> scale = Arbitraries.integers().between(0, 10);
        return Combinators.combine(unscaled, scale).as(BigDecimal::valueOf);
    }

    @Provide
    Arbitrary<Written> written() {
        Arbitrary<Currency> currency = Arbitraries.of(CNY, USD);
        Arbitrary<PriceUnit> unit = Arbitraries.of(PriceUnit.values());
        Arbitrary<Notation> notation = Arbitraries.of(Notation.values());
        Arbitrary<Boolean> fullWidth = Arbitraries.of(true, false);
        return Combinators.combine(amounts(), currency, unit, notation, fullWidth)
                .as((amount, cur, u, n, wide) -> n.write(new Price(amount, cur, u), wide));
    }

    /** How pages write prices; each writes the amount, and the currency and unit in the cell or its header. */
    enum Notation {
        SYMBOL_AND_UNIT_IN_CELL(p -> symbol(p) + plain(p.amount()) + " / " + englishUnit(p.unit()), p -> "Price"),
        CODE_BEFORE_AMOUNT(p -> p.currency().getCurrencyCode() + " " + plain(p.amount()), p -> "Input (per " + englishUnit(p.unit()) + ")"),
        CHINESE_UNIT_IN_CELL(p -> plain(p.amount()) + chineseCurrency(p) + "/" + chineseUnit(p.unit()) + "tokens", p -> "输入"),
        SPACED_CHINESE(p -> plain(p.amount()) + " " + chineseCurrency(p) + " / " + chineseUnit(p.unit()) + " Tokens", p -> "输入"),
        GROUPED_THOUSANDS(p -> symbol(p) + grouped(p.amount()), p -> "输入（" + chineseCurrency(p) + "/" + chineseUnit(p.unit()) + "tokens）"),
        BARE_NUMBER_HEADER_SAYS_ALL(p -> plain(p.amount()), p -> "输入单价（" + chineseCurrency(p) + "/" + chineseUnit(p.unit()) + "tokens）"),
        LI_WHEN_YUAN(p -> p.currency().equals(CNY) ? plain(p.amount().movePointRight(3)) + "厘/" + chineseUnit(p.unit()) + "tokens"
                : symbol(p) + plain(p.amount()) + " per " + englishUnit(p.unit()), p -> "Input");

        private final Function<Price, String> cell;
        private final Function<Price, String> header;

        Notation(Function<Price, String> cell, Function<Price, String> header) {
            this.cell = cell;
            this.header = header;
        }

        Written write(Price price, boolean fullWidth) {
            String text = cell.apply(price);
            return new Written(price, fullWidth ? toFullWidth(text) : text, header.apply(price));
        }
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    static String grouped(BigDecimal amount) {
        String plain = amount.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out + (dot < 0 ? "" : plain.substring(dot));
    }

    static String symbol(Price p) {
        return p.currency().equals(CNY) ? "¥" : "$";
    }

    static String chineseCurrency(Price p) {
        return p.currency().equals(CNY) ? "元" : "美元";
    }

    static String englishUnit(PriceUnit unit) {
        return switch (unit) {
            case PER_TOKEN -> "token";
            case PER_1K_TOKENS -> "1K tokens";
            case PER_1M_TOKENS -> "MTok";
        };
    }

    static String chineseUnit(PriceUnit unit) {
        return switch (unit) {
            case PER_TOKEN -> "";
            case PER_1K_TOKENS -> "千";
            case PER_1M_TOKENS -> "百万";
        };
    }

    /** ASCII digits, letters and signs to their full-width forms, as some Chinese pages print them. */
    static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : (char) c));
        return out.toString();
    }
}
