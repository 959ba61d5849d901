package io.pricewar.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.rules.TokenMix;
import io.pricewar.alert.web.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A condition as text, the same shape in a request, an answer and the database. Decimals are
 * strings so that no JSON number type rounds them.
 *
 * <pre>{"type": "DROP_AT_LEAST", "percent": "20"}
 * {"type": "AT_OR_BELOW", "per1M": "1", "currency": "CNY"}
 * {"type": "BLENDED_DROP", "mix": {"input": "3", "output": "1", "cached": "0"}}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionText(String type, String percent, String per1M, String currency, Mix mix,
                            Boolean flagHeadlineCuts) {

    public record Mix(String input, String output, String cached) {
    }

    static final List<String> TYPES = List.of("ANY_DROP", "DROP_AT_LEAST", "AT_OR_BELOW", "BECAME_FREE",
            "NEW_LISTING", "DELISTED", "BLENDED_DROP");

    /** The types that need no parameter, and so may be given alone as {@code "rule"}. */
    static final List<String> PLAIN_TYPES = List.of("ANY_DROP", "BECAME_FREE", "NEW_LISTING", "DELISTED");

    static ConditionText of(String type) {
        return new ConditionText(type, null, null, null, null, null);
    }

    static ConditionText of(AlertCondition condition) {
        return switch (condition) {
            case AlertCondition.DropAtLeast d -> new ConditionText(d.type(), d.percent().toPlainString(),
                    null, null, null, null);
            case AlertCondition.AtOrBelow a -> new ConditionText(a.type(), null, a.per1M().toPlainString(),
                    a.currency().getCurrencyCode(), null, null);
            case AlertCondition.BlendedDrop b -> new ConditionText(b.type(), null, null, null,
                    new Mix(b.mix().input().toPlainString(), b.mix().output().toPlainString(),
                            b.mix().cached().toPlainString()), b.flagHeadlineCuts());
            case AlertCondition.AnyDrop a -> of(a.type());
            case AlertCondition.BecameFree f -> of(f.type());
            case AlertCondition.NewListing n -> of(n.type());
            case AlertCondition.Delisted d -> of(d.type());
        };
    }

    /** Names every problem under {@code field}; empty when {@link #toCondition()} will succeed. */
    List<FieldProblem> problems(String field, FxRates fx) {
        if (type == null || !TYPES.contains(type)) {
            return List.of(new FieldProblem(field + ".type", (type == null ? "is required" : "unknown type '" + type + "'")
                    + "; one of " + TYPES));
        }
        List<FieldProblem> problems = new ArrayList<>();
        switch (type) {
            case "DROP_AT_LEAST" -> {
                BigDecimal p = decimal(field + ".percent", percent, problems);
                if (p != null && (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    problems.add(new FieldProblem(field + ".percent", "must be above 0 and at most 100, was " + percent));
                }
            }
            case "AT_OR_BELOW" -> {
                BigDecimal p = decimal(field + ".per1M", per1M, problems);
                if (p != null && p.signum() < 0) {
                    problems.add(new FieldProblem(field + ".per1M", "cannot be negative, was " + per1M));
                }
                checkCurrency(field + ".currency", fx, problems);
            }
            case "BLENDED_DROP" -> checkMix(field + ".mix", problems);
            default -> {
            }
        }
        return problems;
    }

    AlertCondition toCondition() {
        return switch (type) {
            case "ANY_DROP" -> new AlertCondition.AnyDrop();
            case "DROP_AT_LEAST" -> new AlertCondition.DropAtLeast(new BigDecimal(percent));
            case "AT_OR_BELOW" -> new AlertCondition.AtOrBelow(new BigDecimal(per1M),
                    Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
            case "BECAME_FREE" -> new AlertCondition.BecameFree();
            case "NEW_LISTING" -> new AlertCondition.NewListing();
            case "DELISTED" -> new AlertCondition.Delisted();
            case "BLENDED_DROP" -> new AlertCondition.BlendedDrop(new TokenMix(new BigDecimal(mix.input()),
                    new BigDecimal(mix.output()), mix.cached() == null ? null : new BigDecimal(mix.cached())),
                    flagHeadlineCuts == null || flagHeadlineCuts);
            default -> throw new IllegalArgumentException("unknown condition type " + type);
        };
    }

    private void checkCurrency(String field, FxRates fx, List<FieldProblem> problems) {
        if (currency == null) {
            problems.add(new FieldProblem(field, "is required, an ISO 4217 code such as CNY or USD"));
            return;
        }
        try {
            Currency c = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
            if (!fx.knows(c)) {
                problems.add(new FieldProblem(field, "has no configured exchange rate (pricewar.alert.fx.tables)"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "is not an ISO 4217 currency code: '" + currency + "'"));
        }
    }

    private void checkMix(String field, List<FieldProblem> problems) {
        if (mix == null) {
            problems.add(new FieldProblem(field, "is required: shares of input, output and cached tokens, e.g. "
                    + "{\"input\": \"3\", \"output\": \"1\"}"));
            return;
        }
        BigDecimal in = decimal(field + ".input", mix.input(), problems);
        BigDecimal out = decimal(field + ".output", mix.output(), problems);
        BigDecimal cached = mix.cached() == null ? BigDecimal.ZERO : decimal(field + ".cached", mix.cached(), problems);
        if (in == null || out == null || cached == null) {
            return;
        }
        if (in.signum() < 0 || out.signum() < 0 || cached.signum() < 0) {
            problems.add(new FieldProblem(field, "shares cannot be negative"));
        } else if (in.add(out).add(cached).signum() == 0) {
            problems.add(new FieldProblem(field, "needs at least one positive share"));
        }
    }

    private static BigDecimal decimal(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required, a decimal string"));
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "is not a decimal: '" + text + "'"));
            return null;
        }
    }
}
