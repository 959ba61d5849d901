package io.pricewar.alert.rules;

/**
 * A model name pattern: {@code *} stands for any run of characters, {@code ?} for one, anything
 * else for itself ({@code qwen-*}, {@code doubao-pro-*k}). Matched without regular expressions, so
 * a pattern from a subscriber can never be made to backtrack for long.
 */
public final class ModelGlob {

    private ModelGlob() {
    }

    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** Greedy matching with one backtrack point per star: linear in practice, never exponential. */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
