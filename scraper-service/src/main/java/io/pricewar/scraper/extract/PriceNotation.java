package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price as a pricing page writes it: {@code ¥0.5}, {@code $0.07},
 * {@code 0.0008元/千tokens}, {@code 0.8元/百万tokens}, {@code 5厘/千tokens}, {@code $3 / MTok},
 * {@code $1.10 / 1M tokens}, {@code USD 0.27}, {@code 免费}, {@code 限时免费},
 * {@code Limited-time Free}, in full-width forms too. What the cell does not say (often the
 * unit, sometimes the currency) comes from its column header, through {@link Context}.
 *
 * <p>A cell must consist of known words only: one number, at most one currency, at most one
 * unit, a few filler words ("tokens", "input"). Anything else, a second number, a negative
 * sign, "free" beside a number ("限时免费 原价0.8元"), a unit PriceWar has no name for (per 10K),
 * is a {@link PriceNotationException} with the reason. A parse failure must never become a
 * price, least of all a price of zero.
 */
public final class PriceNotation {

    private static final Pattern UNIT = Pattern.compile(
            "(?:/|per |per|每)\\s*(1,000,000|1000000|100万|百万|million|mtok|1m|m|1,000|1000|1千|千|1k|k|10k|万|tokens?|tok)"
                    + "(?:\\s*(?:input|output|输入|输出))?(?:\\s*(?:tokens?|tok))?(?![a-z0-9,.])");
    /**
     * A label that names the quantity before the meter: "1M INPUT TOKENS", "百万tokens输入",
     * Alibaba Cloud's international "Input price (Million tokens)"; not "10 million tokens".
     */
    private static final Pattern LABEL_UNIT = Pattern.compile(
            "(?<![\\d.,])(?<![\\d.,] )(1m|1k|百万|千|1,000,000|1,000|million)\\s*(?:input |output |输入|输出)?\\s*tokens?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern CURRENCY = Pattern.compile("us\\$|usd|cny|rmb|人民币|美元|元|厘|¥|\\$");
    /** "(50% OFF)" beside a discounted price (DeepSeek's off-peak cells) says why, not what it costs. */
    private static final Pattern REMARK = Pattern.compile("\\d{1,3}(?:\\.\\d+)?\\s*%\\s*off(?![a-z])");

    private static final Pattern WHITESPACE = Pattern.compile("\\s{2,}|[\\t\\n\\r\\f\\x0B]");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    private PriceNotation() {
    }

    /**
     * What a header or a page says about all its cells: currency, unit and the scale of the
     * amounts (a header in 厘 makes every cell a thousandth of a yuan); any may be absent.
     */
    public record Context(Currency currency, PriceUnit unit, BigDecimal scale) {
        public static final Context NONE = new Context(null, null, null);

        public Context(Currency currency, PriceUnit unit) {
            this(currency, unit, null);
        }

        /** The header's own words win over the outer context (a page-wide default currency). */
        public Context overriddenBy(Context inner) {
            boolean innerCurrency = inner.currency != null;
            return new Context(innerCurrency ? inner.currency : currency, inner.unit != null ? inner.unit : unit,
                    innerCurrency ? inner.scale : scale);
        }

        BigDecimal scaleOrOne() {
            return scale == null ? BigDecimal.ONE : scale;
        }
    }

    /**
     * A price read off a cell; {@code promotion} when the page calls it free for a limited time
     * (限时免费, "Limited-time Free").
     */
    public record Reading(Price price, boolean promotion) {
    }

    /** Reads the currency and unit a header names, e.g. "输入单价（元/千tokens）"; lenient about other words. */
    public static Context contextOf(String headerText) {
        String text = normalize(headerText);
        Matcher currency = CURRENCY.matcher(text);
        Matcher unit = UNIT.matcher(text);
        Matcher labelUnit = LABEL_UNIT.matcher(text);
        Money money = currency.find() ? Money.of(currency.group()) : null;
        PriceUnit priceUnit = unit.find() ? unitOf(unit.group(1)) : labelUnit.find() ? unitOf(labelUnit.group(1)) : null;
        return money == null ? new Context(null, priceUnit) : new Context(money.currency(), priceUnit, money.scale());
    }

    public static Price parse(String cellText, Context context) {
        return read(cellText, context).price();
    }

    public static Reading read(String cellText, Context context) {
        BigDecimal plain = plainDecimal(cellText);
        if (plain != null) {
            // What the scanner would make of it: an amount and nothing else, all else from the header.
            Currency currency = require(context.currency(), cellText, "currency");
            PriceUnit unit = require(context.unit(), cellText, "unit");
            BigDecimal amount = context.scale() == null ? plain : plain.multiply(context.scale());
            return new Reading(new Price(amount, currency, unit), false);
        }
        Cell cell = Cell.scan(cellText);
        Context resolved = context.overriddenBy(cell.context());
        Currency currency = require(resolved.currency(), cellText, "currency");
        if (cell.free() != null) {
            PriceUnit unit = resolved.unit() != null ? resolved.unit() : PriceUnit.PER_1M_TOKENS;
            return new Reading(new Price(BigDecimal.ZERO, currency, unit), NotationWords.isPromotion(cell.free()));
        }
        PriceUnit unit = require(resolved.unit(), cellText, "unit");
        return new Reading(new Price(cell.amount().multiply(resolved.scaleOrOne()), currency, unit), false);
    }

    /**
     * The amount of a cell that is only ASCII digits with at most one decimal point inside or in
     * front ("0.0008", "12", ".5"), as most cells under a unit header are; null for anything else,
     * which the scanner reads. Saves normalizing and trying every word pattern on each of them.
     */
    private static BigDecimal plainDecimal(String text) {
        int length = text == null ? 0 : text.length();
        int digits = 0;
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return null;
            }
        }
        boolean endsInDigit = digits > 0 && point != length - 1;
        return endsInDigit ? new BigDecimal(text) : null;
    }

    /** Full-width digits and signs to ASCII, lower case, one space between words. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // Most cells are ASCII and CJK ("0.0008", "0.8元/百万tokens"), which NFKC leaves as they are.
        String folded = isNfkcStable(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String spaced = folded.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        return (hasWhitespaceRun(spaced) ? WHITESPACE.matcher(spaced).replaceAll(" ") : spaced).strip();
    }

    /** Whether {@link #WHITESPACE} has anything to replace; most cells are already spaced singly. */
    private static boolean hasWhitespaceRun(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean twoSpaces = c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (twoSpaces || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether NFKC would return the text unchanged, for text of printable ASCII, the CJK unified
     * ideographs (U+4E00-U+9FFF, none of which decomposes) and the yen sign only: none of them
     * has a compatibility form or composes with its neighbour. Full-width forms are not among them.
     */
    private static boolean isNfkcStable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean stable = c >= ' ' && c < 0x7f || c >= 0x4e00 && c <= 0x9fff || c == '¥';
            if (!stable) {
                return false;
            }
        }
        return true;
    }

    /** A currency as a cell names it, and what one of its units is worth in that currency. */
    private record Money(Currency currency, BigDecimal scale) {
        static Money of(String word) {
            return switch (word) {
                // 1 li is a thousandth of a yuan: Volcano Engine's "priced in li".
                case "厘" -> new Money(CNY, new BigDecimal("0.001"));
                case "us$", "usd", "$", "美元" -> new Money(USD, BigDecimal.ONE);
                default -> new Money(CNY, BigDecimal.ONE);
            };
        }
    }

    private static PriceUnit unitOf(String quantity) {
        return switch (quantity) {
            case "千", "1k", "k", "1,000", "1000", "1千" -> PriceUnit.PER_1K_TOKENS;
            case "token", "tokens", "tok" -> PriceUnit.PER_TOKEN;
            case "万", "10k" -> null;
            default -> PriceUnit.PER_1M_TOKENS;
        };
    }

    /** The words of one cell, each read once; the first word it does not know rejects the cell. */
    private record Cell(BigDecimal amount, Money money, PriceUnit unit, String free) {

        static Cell scan(String original) {
            String text = normalize(original);
            if (text.isEmpty()) {
                throw new PriceNotationException(original, "the cell is empty");
            }
            Scanner scanner = new Scanner(original, text);
            int at = 0;
            while (at < text.length()) {
                at = scanner.next(at);
            }
            return scanner.cell();
        }

        Context context() {
            return money == null ? new Context(null, unit) : new Context(money.currency(), unit, money.scale());
        }
    }

    /** Collects the words of a cell, refusing a second number, currency, unit or "free". */
    private static final class Scanner {
        private final String original;
        private final String text;
        /** A remark ("50% off") needs a per cent sign: without one its regex is not tried at all. */
        private final boolean mayHaveRemark;
        private Matcher remark;
        private Matcher unitPhrase;
        private BigDecimal amount;
        private Money money;
        private PriceUnit unit;
        private String free;

        Scanner(String original, String text) {
            this.original = original;
            this.text = text;
            this.mayHaveRemark = text.indexOf('%') >= 0;
        }

        /** Reads the word at {@code at}, in the order the kinds are tried; returns where it ends. */
        int next(int at) {
            int end;
            char first = text.charAt(at);
            if (mayHaveRemark && isDigit(first) && (remark = lookingAt(REMARK, remark, at)) != null) {
                return remark.end();
            }
            if ((first == '/' || first == 'p' || first == '每') && (unitPhrase = lookingAt(UNIT, unitPhrase, at)) != null) {
                unit = once(unit, unitNamed(unitPhrase.group(1), unitPhrase.group()), "more than one unit");
                return unitPhrase.end();
            }
            if ((end = NotationWords.number(text, at)) >= 0) {
                amount = once(amount, new BigDecimal(withoutGrouping(text.substring(at, end))), "more than one number");
            } else if ((end = NotationWords.free(text, at)) >= 0) {
                free = once(free, text.substring(at, end), "'free' said twice");
            } else if ((end = NotationWords.currency(text, at)) >= 0) {
                money = once(money, Money.of(text.substring(at, end)), "more than one currency");
            } else if ((end = NotationWords.filler(text, at)) < 0) {
                throw new PriceNotationException(original, "'" + text.substring(at) + "' is not part of a price");
            }
            return end;
        }

        /** The pattern's match starting at {@code from}, reusing the cell's matcher for it; null if none. */
        private Matcher lookingAt(Pattern pattern, Matcher reused, int from) {
            Matcher m = reused != null ? reused : pattern.matcher(text);
            m.region(from, text.length());
            return m.lookingAt() ? m : null;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static String withoutGrouping(String number) {
            return number.indexOf(',') < 0 ? number : number.replace(",", "");
        }

        private PriceUnit unitNamed(String quantity, String phrase) {
            PriceUnit named = unitOf(quantity);
            if (named == null) {
                throw new PriceNotationException(original, "'" + phrase.strip() + "' is not a unit prices are kept in");
            }
            return named;
        }

        private <T> T once(T already, T value, String reason) {
            if (already != null) {
                throw new PriceNotationException(original, reason);
            }
            return value;
        }

        Cell cell() {
            if (free != null && amount != null) {
                throw new PriceNotationException(original, "the cell says free and also names a price");
            }
            if (free == null && amount == null) {
                throw new PriceNotationException(original, "no number in the cell");
            }
            return new Cell(amount, money, unit, free);
        }
    }



    private static <T> T require(T value, String cellText, String what) {
        if (value == null) {
            throw new PriceNotationException(cellText, "neither the cell nor its header names the " + what);
        }
        return value;
    }

    static Optional<BigDecimal> number(String text) {
        Matcher m = NUMBER.matcher(normalize(text));
        return m.matches() ? Optional.of(new BigDecimal(m.group().replace(",", ""))) : Optional.empty();
    }
}
