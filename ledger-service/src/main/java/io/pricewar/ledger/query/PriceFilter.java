package io.pricewar.ledger.query;

import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Filters on price points; a null field matches everything. {@code model} is a glob
 * ({@code qwen-*}, {@code doubao-pro-??k}) matched against the whole model slug; the other
 * fields match exactly.
 */
public record PriceFilter(String vendor, String model, String meter, String tier, Currency currency) {

    public static final PriceFilter ANY = new PriceFilter(null, null, null, null, null);

    /** From request parameters, where a blank value means "no filter". */
    public static PriceFilter of(String vendor, String model, String meter, String tier, String currency) {
        return new PriceFilter(lower(vendor), lower(model), lower(meter), lower(tier), currency("currency", currency));
    }

    /** The model glob as an anchored regular expression, or null when there is no model filter. */
    public String modelRegex() {
        if (model == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder("^");
        for (char c : model.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.append('$').toString();
    }

    /** An ISO 4217 code, or null when absent; anything else is a caller's error. */
    public static Currency currency(String parameter, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, code, "is not an ISO 4217 currency code");
        }
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
