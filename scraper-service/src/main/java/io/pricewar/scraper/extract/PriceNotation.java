package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price as a pricing page writes it: {@code ¥0.5}, {@code $0.07},
 * {@code 0.0008元/千tokens}, {@code 0.8元/百万tokens}, {@code 5厘/千tokens}, {@code $3 / MTok},
 * {@code USD 0.27}, {@code 免费}. What the cell does not say (often the unit, sometimes the
 * currency) comes from its column header, through {@link Context}.
 *
 * <p>Anything ambiguous is a {@link PriceNotationException} with the reason: two numbers in one
 * cell, no number, a currency or unit that neither the cell nor the header names. A parse
 * failure must never become a price, least of all a price of zero.
 */
public final class PriceNotation {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+)(?![\\d.])");
    private static final List<String> FREE_WORDS = List.of("免费", "free");

    private static final Pattern PER_THOUSAND = Pattern.compile("(/|per|每)\\s*(千|1k|1,000|1000|k)\\s*(tokens?)?");
    private static final Pattern PER_MILLION = Pattern.compile(
            "(/|per|每)\\s*(百万|1,000,000|1000000|1m|million|mtok|m)\\s*(input|output)?\\s*(tokens?)?");
    private static final Pattern PER_TOKEN = Pattern.compile("(/|per|每)\\s*(tokens?)(?![a-z])");

    private PriceNotation() {
    }

    /** What a header or a page says about all its cells: currency and unit, either may be absent. */
    public record Context(Currency currency, PriceUnit unit) {
        public static final Context NONE = new Context(null, null);

        /** The header's own words win over the outer context (a page-wide default currency). */
        public Context overriddenBy(Context inner) {
            return new Context(inner.currency != null ? inner.currency : currency,
                    inner.unit != null ? inner.unit : unit);
        }
    }

    /** Reads the currency and unit a header names, e.g. "输入单价（元/千tokens）". */
    public static Context contextOf(String headerText) {
        String text = normalize(headerText);
        Scaled currency = currencyOf(text).orElse(null);
        return new Context(currency == null ? null : currency.currency(), unitOf(text).orElse(null));
    }

    public static Price parse(String cellText, Context context) {
        String text = normalize(cellText);
        if (text.isEmpty()) {
            throw new PriceNotationException(cellText, "the cell is empty");
        }
        Optional<Scaled> currency = currencyOf(text);
        Optional<PriceUnit> unit = unitOf(text);
        Currency resolvedCurrency = currency.map(Scaled::currency).orElse(context.currency());
        PriceUnit resolvedUnit = unit.orElse(context.unit());
        if (isFree(text)) {
            return new Price(BigDecimal.ZERO, require(resolvedCurrency, cellText, "currency"),
                    resolvedUnit != null ? resolvedUnit : PriceUnit.PER_1M_TOKENS);
        }
        BigDecimal amount = onlyNumber(text, cellText);
        BigDecimal scale = currency.map(Scaled::factor).orElse(BigDecimal.ONE);
        return new Price(amount.multiply(scale), require(resolvedCurrency, cellText, "currency"),
                require(resolvedUnit, cellText, "unit"));
    }

    /** Full-width digits and signs to ASCII, lower case, one space between words. */
    static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static boolean isFree(String text) {
        return FREE_WORDS.stream().anyMatch(text::contains) && !NUMBER.matcher(text).find();
    }

    private static BigDecimal onlyNumber(String text, String original) {
        Matcher m = NUMBER.matcher(withoutUnitNumbers(text));
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group(1));
        }
        if (numbers.isEmpty()) {
            throw new PriceNotationException(original, "no number in the cell");
        }
        if (numbers.size() > 1) {
            throw new PriceNotationException(original, "more than one number in the cell " + numbers);
        }
        return new BigDecimal(numbers.getFirst().replace(",", ""));
    }

    /** "per 1M tokens" holds a number that is part of the unit, not the price. */
    private static String withoutUnitNumbers(String text) {
        String out = PER_MILLION.matcher(text).replaceAll(" ");
        return PER_THOUSAND.matcher(out).replaceAll(" ");
    }

    private record Scaled(Currency currency, BigDecimal factor) {
    }

    private static Optional<Scaled> currencyOf(String text) {
        BigDecimal one = BigDecimal.ONE;
        if (text.contains("厘")) {
            // 1 li is a thousandth of a yuan: Volcano Engine's "priced in li".
            return Optional.of(new Scaled(Currency.getInstance("CNY"), new BigDecimal("0.001")));
        }
        if (text.contains("¥") || text.contains("元") || text.contains("cny") || text.contains("rmb")) {
            return Optional.of(new Scaled(Currency.getInstance("CNY"), one));
        }
        if (text.contains("$") || text.contains("usd")) {
            return Optional.of(new Scaled(Currency.getInstance("USD"), one));
        }
        return Optional.empty();
    }

    private static Optional<PriceUnit> unitOf(String text) {
        if (PER_MILLION.matcher(text).find()) {
            return Optional.of(PriceUnit.PER_1M_TOKENS);
        }
        if (PER_THOUSAND.matcher(text).find()) {
            return Optional.of(PriceUnit.PER_1K_TOKENS);
        }
        if (PER_TOKEN.matcher(text).find()) {
            return Optional.of(PriceUnit.PER_TOKEN);
        }
        return Optional.empty();
    }

    private static <T> T require(T value, String cellText, String what) {
        if (value == null) {
            throw new PriceNotationException(cellText, "neither the cell nor its header names the " + what);
        }
        return value;
    }
}
