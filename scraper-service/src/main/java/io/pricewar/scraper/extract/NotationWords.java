package io.pricewar.scraper.extract;

/**
 * The plain words of a price cell (a number, a currency, "free", filler such as "tokens"),
 * matched by hand where the cell scanner used to try a regex for each at every position: nearly
 * every cell of a page has them, and the regex matches were most of reading a cell. Each method
 * matches exactly what the regex in its comment matches at {@code at} (normalized text: lower
 * case, ASCII digits), as {@code NotationWordsTest} checks against those regexes, and returns
 * where the word ends, or -1.
 */
final class NotationWords {

    private static final String[] FREE = {"限时免费", "免费"};
    /** Z.ai's "Limited-time Free" is 限时免费 in English: free now, and a promotion. */
    private static final String[] FREE_WORDS = {"limited-time free", "limited time free", "free"};
    private static final String[] CURRENCY = {"us$", "usd", "cny", "rmb", "人民币", "美元", "元", "厘", "¥", "$"};
    /** In regex order: "tokens?" tries "tokens" before "token". */
    private static final String[] FILLER = {"tokens", "token", "tok", "input", "output", "输入", "输出"};

    private NotationWords() {
    }

    /** {@code \d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+}, the first alternative that matches. */
    static int number(String text, int at) {
        int digits = digits(text, at);
        if (digits >= 1 && digits <= 3) {
            int end = at + digits;
            int groups = 0;
            while (end < text.length() && text.charAt(end) == ',' && digits(text, end + 1) >= 3) {
                end += 4;
                groups++;
            }
            if (groups > 0) {
                return decimals(text, end);
            }
        }
        if (digits > 0) {
            return decimals(text, at + digits);
        }
        int fraction = at < text.length() && text.charAt(at) == '.' ? digits(text, at + 1) : 0;
        return fraction > 0 ? at + 1 + fraction : -1;
    }

    /** {@code 限时免费|免费|(?:limited-time free|limited time free|free)(?![a-z])}. */
    static int free(String text, int at) {
        int end = literal(text, at, FREE, false);
        return end >= 0 ? end : literal(text, at, FREE_WORDS, true);
    }

    /** Whether a word {@link #free} found says free for a limited time, not for good. */
    static boolean isPromotion(String freeWord) {
        return freeWord.startsWith("限时") || freeWord.startsWith("limited");
    }

    /** {@code us\$|usd|cny|rmb|人民币|美元|元|厘|¥|\$}. */
    static int currency(String text, int at) {
        return literal(text, at, CURRENCY, false);
    }

    /** {@code (?:tokens?|tok|input|output|输入|输出)(?![a-z])|[ ()]}. */
    static int filler(String text, int at) {
        int end = literal(text, at, FILLER, true);
        if (end >= 0) {
            return end;
        }
        char c = at < text.length() ? text.charAt(at) : 0;
        return c == ' ' || c == '(' || c == ')' ? at + 1 : -1;
    }

    /** The end of the first word found at {@code at}; with {@code bounded}, only if no letter a-z follows it. */
    private static int literal(String text, int at, String[] words, boolean bounded) {
        for (String word : words) {
            int end = at + word.length();
            if (text.startsWith(word, at) && (!bounded || end >= text.length() || !isLetter(text.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Whether a decimal part follows: {@code (?:\.\d+)?}. */
    private static int decimals(String text, int end) {
        int fraction = end < text.length() && text.charAt(end) == '.' ? digits(text, end + 1) : 0;
        return fraction > 0 ? end + 1 + fraction : end;
    }

    private static int digits(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }
}
