package io.pricewar.alert.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates from dated configuration: each table gives, for one date, how many units of each
 * currency one US dollar buys (the ledger's format). A conversion uses the newest table dated on
 * or before the day of the price, and names the rate and date it used.
 */
public final class FxRates {

    /** Cross rates are quotients; 34 significant digits keep them exact far below a li. */
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** Converted per-1M prices are kept to 10 decimals: a millionth of a li per million tokens. */
    public static final int CONVERTED_SCALE = 10;

    private static final Currency USD = Currency.getInstance("USD");

    public static final FxRates NONE = new FxRates(List.of());

    private final List<Table> tables;

    public FxRates(List<Table> tables) {
        this.tables = tables.stream().sorted(Comparator.comparing(Table::date).reversed()).toList();
    }

    public record Table(LocalDate date, Map<Currency, BigDecimal> perUsd) {
    }

    /** 1 {@code from} = {@code rate} {@code to}, from the table of {@code date}. */
    public record Rate(Currency from, Currency to, BigDecimal rate, LocalDate date) {

        public BigDecimal apply(BigDecimal amount) {
            return amount.multiply(rate, PRECISION).setScale(CONVERTED_SCALE, RoundingMode.HALF_EVEN);
        }
    }

    /** The rate for {@code day}; empty when no table on or before it prices both currencies. */
    public Optional<Rate> rate(Currency from, Currency to, LocalDate day) {
        if (from.equals(to)) {
            return Optional.of(new Rate(from, to, BigDecimal.ONE, day));
        }
        return tables.stream().filter(t -> !t.date().isAfter(day)).findFirst().flatMap(table -> {
            BigDecimal fromPerUsd = perUsd(table, from);
            BigDecimal toPerUsd = perUsd(table, to);
            return fromPerUsd == null || toPerUsd == null ? Optional.empty() : Optional.of(new Rate(from, to,
                    toPerUsd.divide(fromPerUsd, PRECISION).stripTrailingZeros(), table.date()));
        });
    }

    public boolean knows(Currency currency) {
        return currency.equals(USD) || tables.stream().anyMatch(t -> t.perUsd().containsKey(currency));
    }

    private static BigDecimal perUsd(Table table, Currency currency) {
        return currency.equals(USD) ? BigDecimal.ONE : table.perUsd().get(currency);
    }
}
