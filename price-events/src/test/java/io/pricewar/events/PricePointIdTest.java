package io.pricewar.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricePointIdTest {

    @Test
    void slugsDisplayNamesIntoACanonicalId() {
        PricePointId id = PricePointId.of("Volcano Engine", "Doubao Pro-32k", "Input", "0<Token≤32K");

        assertThat(id.toString()).isEqualTo("volcano-engine:doubao-pro-32k:input:0-lt-token-le-32k");
        assertThat(PricePointId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void foldsFullWidthFormsAndKeepsChineseNamesDistinct() {
        assertThat(PricePointId.slug("ＥＲＮＩＥ　Ｓｐｅｅｄ")).isEqualTo("ernie-speed");
        assertThat(PricePointId.slug("输入")).isNotEqualTo(PricePointId.slug("输出"));
    }

    @Test
    void rejectsMalformedCanonicalIds() {
        assertThatThrownBy(() -> PricePointId.parse("deepseek:chat:input"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendor:model:meter:tier");
        assertThatThrownBy(() -> PricePointId.parse("DeepSeek:chat:input:standard"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
        assertThatThrownBy(() -> PricePointId.slug(" / "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The hand-written slug check accepts exactly what {@code [a-z0-9][a-z0-9._+-]*} does. */
    @Test
    void acceptsAPartExactlyWhenItIsASlug() {
        java.util.regex.Pattern slug = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._+-]*");
        for (String part : java.util.List.of("a", "0", "qwen-long", "gpt-4.1", "o1+", "a_b", "a-", "-a", ".a", "_a",
                "+a", "", "A", "a b", "a:b", "a/b", "é", "ａ", "a\n", "0-lt-token-le-32k", "u8f93-u5165")) {
            boolean accepted;
            try {
                new PricePointId(part, "m", "input", "standard");
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as(part).isEqualTo(slug.matcher(part).matches());
        }
    }

    /**
     * A name that is already its own slug is taken as it is; every other name is folded. Both
     * ways agree on random names over the characters where they part ways.
     */
    @Test
    void aNameThatIsItsOwnSlugIsSluggedAsEveryOtherName() {
        java.util.Random random = new java.util.Random(20241129);
        String alphabet = "az09.+-_ A<≤Ｑ输";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String shortWay = outcome(() -> PricePointId.slug(name.toString()));
            String longWay = outcome(() -> PricePointId.folded(name.toString()));
            assertThat(shortWay).as("'%s'", name).isEqualTo(longWay);
        }
        String ownSlug = new String("deepseek-chat");
        assertThat(PricePointId.slug(ownSlug)).isSameAs(ownSlug);
    }

    private static String outcome(java.util.function.Supplier<String> slug) {
        try {
            return slug.get();
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }

    @Test
    void normalizesEveryUnitToPerMillionExactly() {
        assertThat(Price.of("0.0008", "CNY", PriceUnit.PER_1K_TOKENS).per1M()).isEqualByComparingTo("0.8");
        assertThat(Price.of("0.00000015", "USD", PriceUnit.PER_TOKEN).per1M().toPlainString()).isEqualTo("0.15");
        assertThat(Price.of("2", "CNY", PriceUnit.PER_1M_TOKENS).per1M().toPlainString()).isEqualTo("2");
        assertThat(Price.of("0.12", "CNY", PriceUnit.PER_1K_TOKENS).per1M().toPlainString()).isEqualTo("120");
    }

    @Test
    void freeIsAPriceAndNegativeIsNot() {
        assertThat(Price.of("0", "CNY", PriceUnit.PER_1M_TOKENS).isFree()).isTrue();
        assertThatThrownBy(() -> new Price(new BigDecimal("-0.1"), java.util.Currency.getInstance("CNY"), PriceUnit.PER_1M_TOKENS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
