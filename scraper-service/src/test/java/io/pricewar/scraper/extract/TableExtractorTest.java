package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class TableExtractorTest {

    private static final PriceNotation.Context CNY = new PriceNotation.Context(Currency.getInstance("CNY"), null);

    @Test
    void readsEveryModelAndMeterWithTheUnitFromTheHeader() {
        Extraction extraction = TableExtractor.extract(FixturePages.page("alibaba-after-cut.html"), "alibaba",
                FixturePages.ROWS_TABLE, CNY);

        assertThat(extraction.isHealthy()).isTrue();
        assertThat(extraction.rejected()).isEmpty();
        assertThat(extraction.prices()).extracting(p -> p.pointId().toString(), p -> p.price().toString(), ExtractedPrice::cellText)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-long:input:standard", "0.0005 CNY PER_1K_TOKENS", "0.0005"),
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-long:output:standard", "0.002 CNY PER_1K_TOKENS", "0.002"),
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-max:input:standard", "0.04 CNY PER_1K_TOKENS", "0.04"),
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-max:output:standard", "0.12 CNY PER_1K_TOKENS", "0.12"),
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-turbo:input:standard", "0.002 CNY PER_1K_TOKENS", "0.002"),
                        org.assertj.core.groups.Tuple.tuple("alibaba:qwen-turbo:output:standard", "0.006 CNY PER_1K_TOKENS", "0.006"));
    }

    @Test
    void readsFreeModelsAsZeroAndRejectsCellsWithoutAPrice() {
        Extraction extraction = TableExtractor.extract(FixturePages.page("baidu-free.html"), "baidu",
                FixturePages.ROWS_TABLE, CNY);

        assertThat(extraction.prices()).filteredOn(p -> p.pointId().model().equals("ernie-speed"))
                .allSatisfy(p -> assertThat(p.price().isFree()).isTrue())
                .hasSize(2);
        assertThat(extraction.prices()).filteredOn(p -> p.pointId().toString().equals("baidu:ernie-4.0:input:standard"))
                .singleElement().satisfies(p -> assertThat(p.price().sameAs(Price.of("0.12", "CNY", PriceUnit.PER_1K_TOKENS))).isTrue());
        assertThat(extraction.rejected()).singleElement().satisfies(cell -> {
            assertThat(cell.model()).isEqualTo("ERNIE 3.5");
            assertThat(cell.meter()).isEqualTo("input");
            assertThat(cell.cellText()).isEqualTo("请咨询销售");
        });
        // On the page, though unreadable: never taken for a withdrawn model.
        assertThat(extraction.unreadable()).extracting(PricePointId::toString)
                .containsExactly("baidu:ernie-3.5:input:standard");
    }

    @Test
    void reportsAMissingTableAsALayoutChangeNotAsNoPrices() {
        Extraction extraction = TableExtractor.extract(FixturePages.page("alibaba-layout-changed.html"), "alibaba",
                FixturePages.ROWS_TABLE, CNY);

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.problem()).contains("table.price-table");
    }

    /** A column split in two whose headers both hold the rule's fragment: neither is taken for the meter. */
    @Test
    void reportsAFragmentTwoColumnsHoldAsALayoutChangeInsteadOfReadingTheFirst() {
        Extraction extraction = TableExtractor.extract(Jsoup.parse("""
                <table class="price-table">
                  <tr><th>模型名称</th><th>输入（缓存命中）</th><th>输入（缓存未命中）</th><th>输出</th></tr>
                  <tr><td>Qwen-Max</td><td>0.008元/千tokens</td><td>0.04元/千tokens</td><td>0.12元/千tokens</td></tr>
                </table>
                """), "alibaba", FixturePages.ROWS_TABLE, CNY);

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.prices()).isEmpty();
        assertThat(extraction.problem()).isEqualTo(
                "more than one column header contains '输入' (meter input): '输入（缓存命中）', '输入（缓存未命中）'");
    }

    /** A header merged over two columns shows its text in both: it is one column, read at its first. */
    @Test
    void readsAHeaderMergedOverTwoColumnsAsOneColumn() {
        Extraction extraction = TableExtractor.extract(Jsoup.parse("""
                <table class="price-table">
                  <tr><th>模型名称</th><th colspan="2">输入（元/千tokens）</th><th>输出（元/千tokens）</th></tr>
                  <tr><td>Qwen-Max</td><td>0.04</td><td>限时优惠至9月30日</td><td>0.12</td></tr>
                </table>
                """), "alibaba", FixturePages.ROWS_TABLE, CNY);

        assertThat(extraction.rejected()).isEmpty();
        assertThat(extraction.prices()).extracting(p -> p.pointId() + " = " + p.price())
                .containsExactlyInAnyOrder("alibaba:qwen-max:input:standard = 0.04 CNY PER_1K_TOKENS",
                        "alibaba:qwen-max:output:standard = 0.12 CNY PER_1K_TOKENS");
    }

    @Test
    void reportsAMissingColumnAsALayoutChange() {
        TableRule expectsCache = new TableRule("table.price-table", "模型名称", null, java.util.Map.of("input-cache-hit", "缓存命中"));

        Extraction extraction = TableExtractor.extract(FixturePages.page("alibaba-after-cut.html"), "alibaba", expectsCache, CNY);

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.problem()).contains("缓存命中");
    }

    /**
     * The collector reads each distinct cell text once per context: the same text under headers
     * of different units must still give different prices, and a refused text is refused in every
     * cell that shows it.
     */
    @Test
    void readsARepeatedTextUnderEachHeadersUnitAndRefusesEveryCellThatShowsABadOne() {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse("""
                <table class="t"><tr><th>模型名称</th><th>输入（元/千tokens）</th><th>输出（元/百万tokens）</th></tr>
                <tr><td>A</td><td>0.5</td><td>0.5</td></tr>
                <tr><td>B</td><td>请咨询销售</td><td>0.5</td></tr>
                <tr><td>C</td><td>请咨询销售</td><td>请咨询销售</td></tr></table>
                """);
        TableRule rule = new TableRule("table.t", "模型名称", null,
                new java.util.LinkedHashMap<>(java.util.Map.of("input", "输入", "output", "输出")));

        Extraction extraction = TableExtractor.extract(page, "v", rule, CNY);

        assertThat(extraction.prices()).extracting(p -> p.pointId().toString(), p -> p.price().toString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("v:a:input:standard", "0.5 CNY PER_1K_TOKENS"),
                        org.assertj.core.groups.Tuple.tuple("v:a:output:standard", "0.5 CNY PER_1M_TOKENS"),
                        org.assertj.core.groups.Tuple.tuple("v:b:output:standard", "0.5 CNY PER_1M_TOKENS"));
        assertThat(extraction.rejected()).extracting(RejectedCell::model, RejectedCell::meter)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("B", "input"),
                        org.assertj.core.groups.Tuple.tuple("C", "input"),
                        org.assertj.core.groups.Tuple.tuple("C", "output"));
        assertThat(extraction.rejected()).allSatisfy(cell -> assertThat(cell.reason()).contains("请咨询销售"));
        assertThat(extraction.unreadable()).extracting(PricePointId::toString)
                .containsExactlyInAnyOrder("v:b:input:standard", "v:c:input:standard", "v:c:output:standard");
    }
}
