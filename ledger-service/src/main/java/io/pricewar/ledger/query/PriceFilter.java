package io.pricewar.ledger.query;

import java.util.Currency;
import java.util.Locale;

/** Exact-match filters on current prices; a null field matches everything. */
public record PriceFilter(String vendor, String model, String meter, String tier, Currency currency) {

    /** From request parameters, where a blank value means "no filter". */
    public static PriceFilter of(String vendor, String model, String meter, String tier, String currency) {
        return new PriceFilter(blankToNull(vendor), blankToNull(model), blankToNull(meter), blankToNull(tier),
                currency(blankToNull(currency)));
    }

    private static Currency currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("currency", code, "is not an ISO 4217 currency code");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
