package io.pricewar.ledger.workload;

import io.pricewar.ledger.query.InvalidParameterException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Exchange rates from dated configuration: each table gives, for one date, how many units of
 * each currency buy one US dollar. A conversion uses the newest table dated on or before the
 * day asked about, and says which rate and date it used, so an answer can be checked.
 */
public final class FxRates {

    /** Cross rates are quotients; 34 significant digits keep them exact to far below a li. */
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final Currency USD = Currency.getInstance("USD");

    private final List<Table> tables;

    public FxRates(List<Table> tables) {
        this.tables = tables.stream().sorted(Comparator.comparing(Table::date).reversed()).toList();
    }

    /** Rates per US dollar on one date. */
    public record Table(LocalDate date, Map<Currency, BigDecimal> perUsd) {
    }

    /** A rate used: 1 {@code from} = {@code rate} {@code to}, from the table of {@code date}. */
    public record Rate(Currency from, Currency to, BigDecimal rate, LocalDate date) {
        public BigDecimal apply(BigDecimal amount) {
            return amount.multiply(rate, PRECISION);
        }
    }

    /** The rate to convert {@code from} into {@code to} on {@code day}; identity for one currency. */
    public Rate rate(Currency from, Currency to, LocalDate day) {
        if (from.equals(to)) {
            return new Rate(from, to, BigDecimal.ONE, day);
        }
        Table table = tables.stream().filter(t -> !t.date().isAfter(day)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("currency", to.getCurrencyCode(),
                        "cannot be used: no exchange rates are configured on or before " + day));
        BigDecimal fromPerUsd = perUsd(table, from);
        BigDecimal toPerUsd = perUsd(table, to);
        return new Rate(from, to, toPerUsd.divide(fromPerUsd, PRECISION).stripTrailingZeros(), table.date());
    }

    /** Fails the request when the comparison currency has no configured rate at all. */
    public void requireKnown(Currency currency) {
        if (!currency.equals(USD) && tables.stream().noneMatch(t -> t.perUsd().containsKey(currency))) {
            throw new InvalidParameterException("currency", currency.getCurrencyCode(),
                    "has no configured exchange rate (ledger.workload.fx-tables)");
        }
    }

    private static BigDecimal perUsd(Table table, Currency currency) {
        if (currency.equals(USD)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = table.perUsd().get(currency);
        if (rate == null) {
            throw new InvalidParameterException("currency", currency.getCurrencyCode(),
                    "has no exchange rate in the table of " + table.date());
        }
        return rate;
    }
}
