package io.pricewar.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * One meter of one model of one vendor in one tier: the unit that has a price. A model never
 * has "a price"; its input, output and cached-input meters, and each context band or time
 * window, are separate points.
 *
 * <p>The canonical form is {@code vendor:model:meter:tier}, each part a lower-case slug, so it
 * can be a Kafka key, a MongoDB {@code _id} and a URL path segment alike (no slash in it).
 */
public record PricePointId(String vendor, String model, String meter, String tier) {

    /** The tier of a point whose vendor publishes a single price for the meter. */
    public static final String STANDARD_TIER = "standard";

    public PricePointId {
        requireSlug("vendor", vendor);
        requireSlug("model", model);
        requireSlug("meter", meter);
        requireSlug("tier", tier);
    }

    /** Builds an id from names as a page shows them ("Qwen-Long", "0<Token≤32K"), slugging each. */
    public static PricePointId of(String vendor, String model, String meter, String tier) {
        return new PricePointId(slug(vendor), slug(model), slug(meter), slug(tier));
    }

    @JsonCreator
    public static PricePointId parse(String canonical) {
        Objects.requireNonNull(canonical, "pointId");
        String[] parts = canonical.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(
                    "pointId must be vendor:model:meter:tier, was '" + canonical + "'");
        }
        return new PricePointId(parts[0], parts[1], parts[2], parts[3]);
    }

    /**
     * Lower-cases and folds a display name into a slug: full-width forms are folded by NFKC,
     * runs of anything that is not a letter, digit, '.', '+' or '-' become one '-'. Non-ASCII
     * letters (model names in Chinese) are kept as their code points in hex, so two different
     * names never fold to the same slug by losing characters; comparison signs of context bands
     * ("0&lt;Token≤32K") become words (lt, le, gt, ge).
     */
    public static String slug(String displayName) {
        return isOwnSlug(displayName) ? displayName : folded(displayName);
    }

    /** {@link #slug} the long way, for any name. */
    static String folded(String displayName) {
        String folded = Normalizer.normalize(displayName, Normalizer.Form.NFKC)
                .strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingDash = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            boolean plain = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '.' || cp == '+';
            if (plain) {
                if (pendingDash && !out.isEmpty()) {
                    out.append('-');
                }
                pendingDash = false;
                out.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp) || cp == '<' || cp == '>' || cp == '≤' || cp == '≥') {
                // A symbol or non-ASCII letter stands as a word of its own, so it cannot run
                // into a neighbouring ASCII word and collide with another name.
                if (!out.isEmpty()) {
                    out.append('-');
                }
                out.append(symbolSlug(cp));
                pendingDash = true;
            } else {
                pendingDash = true;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("'" + displayName + "' has nothing to build an id from");
        }
        return out.toString();
    }

    /**
     * Whether {@link #slug} would return the name unchanged: only [a-z0-9.+] in words joined by
     * single dashes, as most model names are ("deepseek-chat", "qwen-long"). Such a name is
     * taken as it is, without folding and rebuilding it; everything else goes the long way.
     */
    public static boolean isOwnSlug(String name) {
        int length = name.length();
        if (length == 0 || name.charAt(0) == '-' || name.charAt(length - 1) == '-') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '+';
            if (!plain && (c != '-' || name.charAt(i - 1) == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String symbolSlug(int cp) {
        return switch (cp) {
            case '<' -> "lt";
            case '>' -> "gt";
            case '≤' -> "le";
            case '≥' -> "ge";
            default -> "u" + Integer.toHexString(cp);
        };
    }

    private static void requireSlug(String part, String value) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(
                    part + " must be a lower-case slug ([a-z0-9._+-]), was '" + value + "'");
        }
    }

    /**
     * {@code [a-z0-9][a-z0-9._+-]*}, checked by hand: every point read off a page is checked, and
     * a regex match per part was a measurable share of reading a large page.
     */
    private static boolean isSlug(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '.' && c != '_' && c != '+' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * As the record's own would be, written out: a point id is looked up in a map for every price
     * a page shows, and the generated one (a method handle chain) was a measurable share of that.
     * The model goes first, since it is what tells two ids of one page apart.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PricePointId other && model.equals(other.model) && meter.equals(other.meter)
                && tier.equals(other.tier) && vendor.equals(other.vendor);
    }

    @Override
    public int hashCode() {
        return ((vendor.hashCode() * 31 + model.hashCode()) * 31 + meter.hashCode()) * 31 + tier.hashCode();
    }

    @JsonValue
    @Override
    public String toString() {
        return vendor + ":" + model + ":" + meter + ":" + tier;
    }
}
