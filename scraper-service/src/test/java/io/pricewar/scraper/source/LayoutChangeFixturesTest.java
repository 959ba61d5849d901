package io.pricewar.scraper.source;

import io.pricewar.events.Evidence;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.diff.Safeguard;
import io.pricewar.scraper.diff.SafetyRules;
import io.pricewar.scraper.extract.Extraction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.pricewar.scraper.extract.FixturePages.extract;
import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in vendor's page redesigned, read by that vendor's catalog rule after a healthy run
 * of its usual page, as the runner reads it: a page whose structure is gone is an unhealthy
 * extraction that names what it did not find; a page that still yields a few prices is judged a
 * layout change by the safeguard. Either way, run after run, nothing is published and nothing is
 * counted towards a delisting.
 */
class LayoutChangeFixturesTest {

    private static final String URL = "https://vendor.example/pricing";
    private static final Instant T0 = Instant.parse("2025-09-01T00:00:00Z");

    @Test
    void alibabasTableReplacedByCardsIsAnUnhealthyReadingNamingTheTable() {
        Runs runs = changedPageAfterAHealthyRun("alibaba", "alibaba-bands.html", "alibaba-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no element matches 'table.price-table'");
    }

    @Test
    void deepSeeksTableReplacedByAModelGridIsAnUnhealthyReadingNamingTheTable() {
        Runs runs = changedPageAfterAHealthyRun("deepseek", "deepseek-usd.html", "deepseek-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no element matches 'table'");
    }

    /**
     * The cache-miss rows reworded "1M INPUT TOKENS": the page still yields 8 of its 12 points,
     * enough to pass for this page, and counted by the safeguard alone the four input points would
     * be delisted on the third run. A table of the rule's that lacks one of its meters is its layout
     * changed, as a models-as-rows table lacking a meter column is.
     */
    @Test
    void deepSeeksMeterRowRewordedIsAnUnhealthyReadingNamingTheMeterNotFourDelistings() {
        Runs runs = changedPageAfterAHealthyRun("deepseek", "deepseek-usd.html", "deepseek-meter-renamed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no row label contains '1M INPUT TOKENS (CACHE MISS)' (meter input)");
    }

    @Test
    void openAisCardsReplacedByATableIsAnUnhealthyReadingNamingTheCards() {
        Runs runs = changedPageAfterAHealthyRun("openai", "openai-cards.html", "openai-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no element matches 'div.pricing-card'");
    }

    /**
     * The cache prices moved under a "Prompt caching" heading and were renamed ("Write (5 minutes)",
     * "Read"): the cards still yield input and output, 8 of the 20 points, too few to be this page.
     */
    @Test
    void anthropicsRenamedCacheLinesLeaveTooFewPointsAndTheSafeguardCallsItALayoutChange() {
        Runs runs = changedPageAfterAHealthyRun("anthropic", "anthropic-cards.html", "anthropic-layout-changed.html");

        String batch = " · Batch API: 50% off";
        assertThat(runs.extraction().isHealthy()).isTrue();
        assertThat(points(runs.extraction())).containsExactlyInAnyOrder(
                "anthropic:claude-sonnet-4:input:standard = 3 USD PER_1M_TOKENS « $3 / MTok",
                "anthropic:claude-sonnet-4:output:standard = 15 USD PER_1M_TOKENS « $15 / MTok",
                "anthropic:claude-sonnet-4:input:batch = 1.5 USD PER_1M_TOKENS « $3 / MTok" + batch,
                "anthropic:claude-sonnet-4:output:batch = 7.5 USD PER_1M_TOKENS « $15 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input:standard = 0.8 USD PER_1M_TOKENS « $0.80 / MTok",
                "anthropic:claude-haiku-3.5:output:standard = 4 USD PER_1M_TOKENS « $4 / MTok",
                "anthropic:claude-haiku-3.5:input:batch = 0.4 USD PER_1M_TOKENS « $0.80 / MTok" + batch,
                "anthropic:claude-haiku-3.5:output:batch = 2 USD PER_1M_TOKENS « $4 / MTok" + batch);
        assertEachRunIsALayoutChange(runs, "only 8 of the 20 points of the last healthy reading are on the page");
    }

    @Test
    void baidusMetersMovedFromColumnsIntoRowsIsAnUnhealthyReadingNamingTheInputColumn() {
        Runs runs = changedPageAfterAHealthyRun("baidu", "baidu-free.html", "baidu-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no column header contains '输入' (meter input)");
    }

    @Test
    void iflyteksTableTurnedToModelsAsColumnsIsAnUnhealthyReadingNamingTheInputColumn() {
        Runs runs = changedPageAfterAHealthyRun("iflytek", "iflytek-spark.html", "iflytek-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no column header contains '输入' (meter input)");
    }

    /**
     * The input price split into a cache-hit and a cache-miss column, both headed "输入价格…": the
     * rule's fragment now names two columns. Taking the first read the cache-hit prices as input
     * and published each model's input price halved.
     */
    @Test
    void moonshotsInputColumnSplitInTwoIsAnUnhealthyReadingNamingBothColumnsNotACut() {
        Runs runs = changedPageAfterAHealthyRun("moonshot", "moonshot-kimi.html", "moonshot-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "more than one column header contains '输入价格' (meter input): "
                + "'输入价格（缓存命中）', '输入价格（缓存未命中）'");
    }

    @Test
    void tencentsModelColumnRenamedIsAnUnhealthyReadingNamingTheColumn() {
        Runs runs = changedPageAfterAHealthyRun("tencent", "tencent-hunyuan.html", "tencent-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no column header contains '产品名'");
    }

    /**
     * The main models moved behind a tab a script fills in; only the legacy table is left in the
     * page: 2 of its 10 points, too few to be this page.
     */
    @Test
    void volcengineMainModelsMovedBehindAScriptLeaveTooFewPointsAndTheSafeguardCallsItALayoutChange() {
        Runs runs = changedPageAfterAHealthyRun("volcengine", "volcengine-doubao.html", "volcengine-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isTrue();
        assertThat(points(runs.extraction())).containsExactlyInAnyOrder(
                "volcengine:doubao-lite-4k:input:standard = 0.0003 CNY PER_1K_TOKENS « 0.3厘/千tokens",
                "volcengine:doubao-lite-4k:output:standard = 0.0006 CNY PER_1K_TOKENS « 0.6厘/千tokens");
        assertEachRunIsALayoutChange(runs, "only 2 of the 10 points of the last healthy reading are on the page");
    }

    @Test
    void zhipusTableRebuiltWithOtherClassesIsAnUnhealthyReadingNamingTheTable() {
        Runs runs = changedPageAfterAHealthyRun("zhipu", "zhipu-glm.html", "zhipu-layout-changed.html");

        assertThat(runs.extraction().isHealthy()).isFalse();
        assertThat(runs.extraction().prices()).isEmpty();
        assertEachRunIsALayoutChange(runs, "no element matches 'table.price-table'");
    }

    /** Every run of the changed page ended on that problem, with no event, and no point counted towards its delisting. */
    private static void assertEachRunIsALayoutChange(Runs runs, String problem) {
        assertThat(runs.verdicts()).hasSize(SafetyRules.DEFAULTS.delistAfter()).allSatisfy(verdict -> {
            assertThat(verdict.layoutProblem()).isEqualTo(problem);
            assertThat(verdict.events()).isEmpty();
        });
        assertThat(runs.safeguard().missing()).isEmpty();
    }

    /** What a source's runs of a redesigned page came to, after a healthy run of its usual page. */
    private record Runs(Extraction extraction, List<Safeguard.Verdict> verdicts, Safeguard safeguard) {
    }

    /**
     * A healthy run of the usual page lists its points; then the changed page is read as many
     * times as a missing point takes to be delisted, each run judged as ScrapeRunner judges it.
     */
    private static Runs changedPageAfterAHealthyRun(String sourceId, String usualPage, String changedPage) {
        PriceBook book = new PriceBook();
        Safeguard safeguard = new Safeguard(SafetyRules.DEFAULTS);
        Extraction usual = extract(sourceId, usualPage);
        Safeguard.Verdict healthy = run(usual, book, safeguard, T0);
        assertThat(healthy.layoutProblem()).as("the usual page's run").isNull();
        assertThat(healthy.events()).as("the usual page's listings").isNotEmpty();

        Extraction changed = extract(sourceId, changedPage);
        List<Safeguard.Verdict> verdicts = new ArrayList<>();
        for (int n = 1; n <= SafetyRules.DEFAULTS.delistAfter(); n++) {
            verdicts.add(run(changed, book, safeguard, T0.plus(Duration.ofHours(n))));
        }
        return new Runs(changed, verdicts, safeguard);
    }

    /** One run as ScrapeRunner judges it: an unhealthy extraction ends it as a layout change, else the safeguard decides. */
    private static Safeguard.Verdict run(Extraction extraction, PriceBook book, Safeguard safeguard, Instant at) {
        if (!extraction.isHealthy()) {
            return new Safeguard.Verdict(extraction.problem(), List.of(), List.of());
        }
        Safeguard.Verdict verdict = safeguard.judge(book, extraction.prices(), extraction.unreadable(),
                new Evidence(URL, at, "e".repeat(64), ""));
        verdict.events().forEach(book::apply);
        return verdict;
    }
}
