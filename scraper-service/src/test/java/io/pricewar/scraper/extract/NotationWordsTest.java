package io.pricewar.scraper.extract;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written word matchers end exactly where the regexes they replace end, or fail alike. */
class NotationWordsTest {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern CURRENCY = Pattern.compile("us\\$|usd|cny|rmb|人民币|美元|元|厘|¥|\\$");
    private static final Pattern FREE = Pattern.compile("限时免费|免费|(?:limited-time free|limited time free|free)(?![a-z])");
    private static final Pattern FILLER = Pattern.compile("(?:tokens?|tok|input|output|输入|输出)(?![a-z])|[ ()]");

    /** Fragments that make the matchers' edge cases likely when strung together at random. */
    private static final String[] PIECES = {"0", "1", "12", "123", "1234", ",", ",000", ",00", ".", ".5", "5.",
            "us$", "usd", "us", "cny", "rmb", "人民币", "美元", "元", "厘", "¥", "$", "限时免费", "免费", "免", "free",
            "freed", "limited-time ", "limited time ", "limited", "tokens", "token", "tok", "tokensx", "input",
            "inputs", "output", "输入", "输出", " ", "(", ")", "a", "k", "/", "千", "%"};

    @Test
    void matchExactlyWhatTheRegexesMatch() {
        Random random = new Random(3);
        List<String> texts = new ArrayList<>(List.of("", "1,234.5", "1,2345", "1234,567", "12,345,678.90x", ".5.5",
                "0.0008元/千tokens", "free", "freebie", "tokens", "tokensx", "us$3", "限时免费",
                "limited-time free", "limited-time freebie", "limited time free", "limited-time"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            for (int at = 0; at < text.length(); at++) {
                agree(NUMBER, NotationWords::number, text, at);
                agree(CURRENCY, NotationWords::currency, text, at);
                agree(FREE, NotationWords::free, text, at);
                agree(FILLER, NotationWords::filler, text, at);
            }
        }
    }

    private static void agree(Pattern regex, BiFunction<String, Integer, Integer> byHand, String text, int at) {
        Matcher m = regex.matcher(text).region(at, text.length());
        int expected = m.lookingAt() ? m.end() : -1;
        assertThat(byHand.apply(text, at)).as("%s at %d of '%s'", regex, at, text).isEqualTo(expected);
    }
}
