package io.pricewar.scraper.extract;

import io.pricewar.events.PriceUnit;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

import static io.pricewar.scraper.extract.FixturePages.catalogSource;
import static io.pricewar.scraper.extract.FixturePages.fetched;
import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

    /**
     * A reading that starts from what an earlier one worked out (the page's own, or another
     * vendor's page, under other headers) reads exactly what a reading from nothing does,
     * refusals included.
     */
    @ParameterizedTest(name = "{1} after {2}")
    @CsvSource(textBlock = """
            alibaba-rows, alibaba-after-cut.html, alibaba-before-cut.html
            alibaba,     alibaba-bands.html,      alibaba-bands.html
            deepseek,    deepseek-usd.html,       deepseek-announced.html
            deepseek-cny, deepseek-cny.html,      deepseek-usd.html
            volcengine,  volcengine-doubao.html,  alibaba-bands.html
            baidu,       baidu-free.html,         tencent-hunyuan.html
            iflytek,     iflytek-spark.html,      moonshot-kimi.html
            openai,      openai-cards.html,       anthropic-cards.html
            """)
    void aReadingFromAVocabularyReadsWhatAReadingFromNothingReads(String sourceId, String page, String earlier) {
        Source source = source(sourceId);
        Vocabulary vocabulary = new Vocabulary();
        Extractors.extract(source, fetched(earlier), vocabulary);

        Extraction fromVocabulary = Extractors.extract(source, fetched(page), vocabulary);
        Extraction fromNothing = Extractors.extract(source, fetched(page), new Vocabulary());

        assertThat(fromVocabulary).isEqualTo(fromNothing);
        assertThat(fromVocabulary.prices()).isNotEmpty();
    }

    /** The same text under another header is another price: "0.5" per 1K last time, per 1M now. */
    @Test
    void aTextReadUnderOneUnitIsReadAgainUnderAnother() {
        Source source = source("alibaba-rows");
        Vocabulary vocabulary = new Vocabulary();
        Extractors.extract(source, page("千"), vocabulary);

        Extraction perMillion = Extractors.extract(source, page("百万"), vocabulary);

        assertThat(perMillion.prices()).hasSize(2).allSatisfy(p -> {
            assertThat(p.price().unit()).isEqualTo(PriceUnit.PER_1M_TOKENS);
            assertThat(p.price().per1M()).isEqualByComparingTo("0.5");
        });
    }

    private static FetchedPage page(String quantity) {
        String html = """
                <table class="price-table"><tr><th>模型名称</th><th>输入（元/%1$stokens）</th><th>输出（元/%1$stokens）</th></tr>
                <tr><td>qwen-long</td><td>0.5</td><td>0.5</td></tr></table>""".formatted(quantity);
        return FetchedPage.of("https://vendor.example/pricing", Instant.parse("2025-09-01T00:00:00Z"),
                html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** A vocabulary holds what the last reading read and no more, so it never grows past one page. */
    @Test
    void holdsTheLastReadingOnly() {
        Source alibaba = catalogSource("alibaba");
        Vocabulary vocabulary = new Vocabulary();
        Vocabulary fresh = new Vocabulary();

        Extractors.extract(source("volcengine"), fetched("volcengine-doubao.html"), vocabulary);
        int afterVolcengine = vocabulary.size();
        Extractors.extract(alibaba, fetched("alibaba-bands.html"), vocabulary);
        Extractors.extract(alibaba, fetched("alibaba-bands.html"), fresh);

        assertThat(afterVolcengine).isPositive();
        assertThat(vocabulary.size()).isEqualTo(fresh.size()).isPositive();
    }

    /** A copy starts from the original's words, and what is read with it leaves the original as it was. */
    @Test
    void readingWithACopyLeavesTheOriginalAsItWas() {
        Source alibaba = catalogSource("alibaba");
        Vocabulary original = new Vocabulary();
        Extractors.extract(source("volcengine"), fetched("volcengine-doubao.html"), original);
        int size = original.size();

        Extractors.extract(alibaba, fetched("alibaba-bands.html"), original.copy());

        assertThat(original.size()).isEqualTo(size);
    }

    /** A catalog source, or "alibaba-rows": the rows-as-models rule of the before/after-cut pages. */
    private static Source source(String id) {
        return id.equals("alibaba-rows")
                ? new Source(id, "alibaba", "https://vendor.example/pricing", Duration.ofHours(1),
                        Currency.getInstance("CNY"), FixturePages.ROWS_TABLE)
                : catalogSource(id);
    }
}
