package io.pricewar.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact price as a vendor quotes it: a decimal amount, a currency and the number of tokens
 * it buys. Amounts are never binary floating point; on the wire they are JSON strings so that
 * no consumer's number type can round them.
 */
public record Price(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        Currency currency,
        PriceUnit unit) {

    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative: " + amount);
        }
    }

    public static Price of(String amount, String currency, PriceUnit unit) {
        return new Price(new BigDecimal(amount), Currency.getInstance(currency), unit);
    }

    /** The same price expressed per one million tokens, for comparison across vendors. */
    @JsonProperty(value = "per1M", access = JsonProperty.Access.READ_ONLY)
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public BigDecimal per1M() {
        return unit.perMillion(amount);
    }

    @JsonIgnore
    public boolean isFree() {
        return amount.signum() == 0;
    }

    /** Equal in value, currency and unit, whatever the scale of the decimal ("0.50" = "0.5"). */
    public boolean sameAs(Price other) {
        return other != null && currency.equals(other.currency) && unit == other.unit
                && amount.compareTo(other.amount) == 0;
    }

    /** A stable text form for hashing: plain digits, no trailing zeros. */
    String canonical() {
        return PriceUnit.canonical(amount).toPlainString() + " " + currency.getCurrencyCode() + " " + unit;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode() + " " + unit;
    }
}
