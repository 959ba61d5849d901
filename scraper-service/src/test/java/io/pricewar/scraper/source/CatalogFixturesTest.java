package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.Extraction;
import org.junit.jupiter.api.Test;

import static io.pricewar.scraper.extract.FixturePages.extract;
import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in vendor's catalog rule on a page in that vendor's structure, with every point it
 * must yield written out by hand.
 */
class CatalogFixturesTest {

    @Test
    void deepSeekUsdPageYieldsCacheHitMissAndOutputInStandardAndOffPeakWindows() {
        Extraction extraction = extract("deepseek", "deepseek-usd.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "deepseek:deepseek-chat:input-cache-hit:standard = 0.07 USD PER_1M_TOKENS « $0.07",
                "deepseek:deepseek-reasoner:input-cache-hit:standard = 0.14 USD PER_1M_TOKENS « $0.14",
                "deepseek:deepseek-chat:input:standard = 0.27 USD PER_1M_TOKENS « $0.27",
                "deepseek:deepseek-reasoner:input:standard = 0.55 USD PER_1M_TOKENS « $0.55",
                "deepseek:deepseek-chat:output:standard = 1.1 USD PER_1M_TOKENS « $1.10",
                "deepseek:deepseek-reasoner:output:standard = 2.19 USD PER_1M_TOKENS « $2.19",
                "deepseek:deepseek-chat:input-cache-hit:off-peak = 0.035 USD PER_1M_TOKENS « $0.035 (50% OFF)",
                "deepseek:deepseek-reasoner:input-cache-hit:off-peak = 0.035 USD PER_1M_TOKENS « $0.035 (75% OFF)",
                "deepseek:deepseek-chat:input:off-peak = 0.135 USD PER_1M_TOKENS « $0.135 (50% OFF)",
                "deepseek:deepseek-reasoner:input:off-peak = 0.135 USD PER_1M_TOKENS « $0.135 (75% OFF)",
                "deepseek:deepseek-chat:output:off-peak = 0.55 USD PER_1M_TOKENS « $0.550 (50% OFF)",
                "deepseek:deepseek-reasoner:output:off-peak = 0.55 USD PER_1M_TOKENS « $0.550 (75% OFF)");
    }

    @Test
    void deepSeekCnyPageReadsSectionRowsOfTheirOwnAsTimeWindows() {
        Extraction extraction = extract("deepseek-cny", "deepseek-cny.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "deepseek:deepseek-chat:input-cache-hit:standard = 0.5 CNY PER_1M_TOKENS « 0.5元",
                "deepseek:deepseek-reasoner:input-cache-hit:standard = 1 CNY PER_1M_TOKENS « 1元",
                "deepseek:deepseek-chat:input:standard = 2 CNY PER_1M_TOKENS « 2元",
                "deepseek:deepseek-reasoner:input:standard = 4 CNY PER_1M_TOKENS « 4元",
                "deepseek:deepseek-chat:output:standard = 8 CNY PER_1M_TOKENS « 8元",
                "deepseek:deepseek-reasoner:output:standard = 16 CNY PER_1M_TOKENS « 16元",
                "deepseek:deepseek-chat:input-cache-hit:off-peak = 0.25 CNY PER_1M_TOKENS « 0.25元",
                "deepseek:deepseek-reasoner:input-cache-hit:off-peak = 0.25 CNY PER_1M_TOKENS « 0.25元",
                "deepseek:deepseek-chat:input:off-peak = 1 CNY PER_1M_TOKENS « 1元",
                "deepseek:deepseek-reasoner:input:off-peak = 1 CNY PER_1M_TOKENS « 1元",
                "deepseek:deepseek-chat:output:off-peak = 4 CNY PER_1M_TOKENS « 4元",
                "deepseek:deepseek-reasoner:output:off-peak = 4 CNY PER_1M_TOKENS « 4元");
    }

    @Test
    void deepSeekAnnouncedPriceListCarriesItsEffectiveInstantBesideTodaysPrices() {
        Extraction extraction = extract("deepseek", "deepseek-announced.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "deepseek:deepseek-chat:input-cache-hit:standard = 0.07 USD PER_1M_TOKENS « $0.07",
                "deepseek:deepseek-reasoner:input-cache-hit:standard = 0.14 USD PER_1M_TOKENS « $0.14",
                "deepseek:deepseek-chat:input:standard = 0.27 USD PER_1M_TOKENS « $0.27",
                "deepseek:deepseek-reasoner:input:standard = 0.55 USD PER_1M_TOKENS « $0.55",
                "deepseek:deepseek-chat:output:standard = 1.1 USD PER_1M_TOKENS « $1.10",
                "deepseek:deepseek-reasoner:output:standard = 2.19 USD PER_1M_TOKENS « $2.19",
                "deepseek:deepseek-chat:input-cache-hit:standard = 0.07 USD PER_1M_TOKENS « $0.07 [from 2025-09-05T16:00:00Z]",
                "deepseek:deepseek-reasoner:input-cache-hit:standard = 0.07 USD PER_1M_TOKENS « $0.07 [from 2025-09-05T16:00:00Z]",
                "deepseek:deepseek-chat:input:standard = 0.56 USD PER_1M_TOKENS « $0.56 [from 2025-09-05T16:00:00Z]",
                "deepseek:deepseek-reasoner:input:standard = 0.56 USD PER_1M_TOKENS « $0.56 [from 2025-09-05T16:00:00Z]",
                "deepseek:deepseek-chat:output:standard = 1.68 USD PER_1M_TOKENS « $1.68 [from 2025-09-05T16:00:00Z]",
                "deepseek:deepseek-reasoner:output:standard = 1.68 USD PER_1M_TOKENS « $1.68 [from 2025-09-05T16:00:00Z]");
    }

    @Test
    void deepSeekPageWithoutItsTableIsALayoutChange() {
        Extraction extraction = extract("deepseek", "deepseek-layout-changed.html");

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.prices()).isEmpty();
        assertThat(extraction.problem()).contains("no element matches 'table'");
    }

    @Test
    void volcengineReadsLiCellsAndBandRowsUnderTheirModel() {
        Extraction extraction = extract("volcengine", "volcengine-doubao.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "volcengine:doubao-pro-32k:input:standard = 0.0008 CNY PER_1K_TOKENS « 0.0008",
                "volcengine:doubao-pro-32k:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002",
                "volcengine:doubao-pro-128k:input:standard = 0.005 CNY PER_1K_TOKENS « 0.005",
                "volcengine:doubao-pro-128k:output:standard = 0.009 CNY PER_1K_TOKENS « 0.009",
                "volcengine:doubao-lite-4k:input:standard = 0.0003 CNY PER_1K_TOKENS « 0.3厘/千tokens",
                "volcengine:doubao-lite-4k:output:standard = 0.0006 CNY PER_1K_TOKENS « 0.6厘/千tokens",
                "volcengine:doubao-seed-1.6:input:0-lt-token-le-32k = 0.8 CNY PER_1M_TOKENS « 0.8元/百万tokens",
                "volcengine:doubao-seed-1.6:output:0-lt-token-le-32k = 8 CNY PER_1M_TOKENS « 8元/百万tokens",
                "volcengine:doubao-seed-1.6:input:32k-lt-token-le-128k = 1.2 CNY PER_1M_TOKENS « 1.2元/百万tokens",
                "volcengine:doubao-seed-1.6:output:32k-lt-token-le-128k = 16 CNY PER_1M_TOKENS « 16元/百万tokens");
    }

    @Test
    void alibabaReadsBandsUnderAMergedModelCellAndFlagsLimitedTimeFree() {
        Extraction extraction = extract("alibaba", "alibaba-bands.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "alibaba:qwen-plus:input:0-lt-token-le-128k = 0.0008 CNY PER_1K_TOKENS « 0.0008",
                "alibaba:qwen-plus:output:0-lt-token-le-128k = 0.002 CNY PER_1K_TOKENS « 0.002",
                "alibaba:qwen-plus:input:128k-lt-token-le-256k = 0.0024 CNY PER_1K_TOKENS « 0.0024",
                "alibaba:qwen-plus:output:128k-lt-token-le-256k = 0.02 CNY PER_1K_TOKENS « 0.02",
                "alibaba:qwen-plus:input:256k-lt-token-le-1m = 0.0048 CNY PER_1K_TOKENS « 0.0048",
                "alibaba:qwen-plus:output:256k-lt-token-le-1m = 0.048 CNY PER_1K_TOKENS « 0.048",
                "alibaba:qwen-long:input:standard = 0.0005 CNY PER_1K_TOKENS « 0.0005",
                "alibaba:qwen-long:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002",
                "alibaba:qwen-vl-max:input:standard = 0 CNY PER_1K_TOKENS « 限时免费 [promotion]",
                "alibaba:qwen-vl-max:output:standard = 0 CNY PER_1K_TOKENS « 限时免费 [promotion]");
    }

    @Test
    void baiduReadsFreeModelsAsZeroAndRejectsAskSales() {
        Extraction extraction = extract("baidu", "baidu-free.html");

        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "baidu:ernie-speed:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-speed:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-lite:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-lite:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-4.0:input:standard = 0.12 CNY PER_1K_TOKENS « 0.12元/千tokens",
                "baidu:ernie-4.0:output:standard = 0.12 CNY PER_1K_TOKENS « 0.12元/千tokens",
                "baidu:ernie-3.5:output:standard = 0.012 CNY PER_1K_TOKENS « 0.012元/千tokens");
        assertThat(extraction.rejected()).singleElement()
                .satisfies(cell -> assertThat(cell.cellText()).isEqualTo("请咨询销售"));
    }

    @Test
    void tencentReadsUnitsFromEachCellAndHunyuanLiteAsFree() {
        Extraction extraction = extract("tencent", "tencent-hunyuan.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "tencent:hunyuan-lite:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "tencent:hunyuan-lite:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "tencent:hunyuan-standard:input:standard = 0.0045 CNY PER_1K_TOKENS « 0.0045元/千tokens",
                "tencent:hunyuan-standard:output:standard = 0.005 CNY PER_1K_TOKENS « 0.005元/千tokens",
                "tencent:hunyuan-pro:input:standard = 0.03 CNY PER_1K_TOKENS « 0.03元/千tokens",
                "tencent:hunyuan-pro:output:standard = 0.1 CNY PER_1K_TOKENS « 0.10元/千tokens");
    }

    @Test
    void iflytekReadsFullWidthDigitsAndThousandsSeparators() {
        Extraction extraction = extract("iflytek", "iflytek-spark.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "iflytek:spark-lite:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "iflytek:spark-lite:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "iflytek:spark-pro:input:standard = 21 CNY PER_1M_TOKENS « ２１",
                "iflytek:spark-pro:output:standard = 21 CNY PER_1M_TOKENS « ２１",
                "iflytek:spark4.0-ultra:input:standard = 1000 CNY PER_1M_TOKENS « １，０００",
                "iflytek:spark4.0-ultra:output:standard = 1000 CNY PER_1M_TOKENS « １，０００");
    }

    @Test
    void zhipuReadsOnePriceColumnAsBothInputAndOutput() {
        Extraction extraction = extract("zhipu", "zhipu-glm.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "zhipu:glm-4-plus:input:standard = 0.05 CNY PER_1K_TOKENS « 0.05 元 / 千tokens",
                "zhipu:glm-4-plus:output:standard = 0.05 CNY PER_1K_TOKENS « 0.05 元 / 千tokens",
                "zhipu:glm-4-flash:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "zhipu:glm-4-flash:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "zhipu:glm-3-turbo:input:standard = 0.001 CNY PER_1K_TOKENS « 0.001 元 / 千tokens",
                "zhipu:glm-3-turbo:output:standard = 0.001 CNY PER_1K_TOKENS « 0.001 元 / 千tokens");
    }

    @Test
    void moonshotReadsFullWidthYenPerMillionTokens() {
        Extraction extraction = extract("moonshot", "moonshot-kimi.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "moonshot:moonshot-v1-8k:input:standard = 2 CNY PER_1M_TOKENS « ￥2.00 / 百万 Tokens",
                "moonshot:moonshot-v1-8k:output:standard = 10 CNY PER_1M_TOKENS « ￥10.00 / 百万 Tokens",
                "moonshot:moonshot-v1-32k:input:standard = 5 CNY PER_1M_TOKENS « ￥5.00 / 百万 Tokens",
                "moonshot:moonshot-v1-32k:output:standard = 20 CNY PER_1M_TOKENS « ￥20.00 / 百万 Tokens",
                "moonshot:moonshot-v1-128k:input:standard = 10 CNY PER_1M_TOKENS « ￥10.00 / 百万 Tokens",
                "moonshot:moonshot-v1-128k:output:standard = 30 CNY PER_1M_TOKENS « ￥30.00 / 百万 Tokens");
    }

    @Test
    void openAiCardsYieldCachedInputApartFromInputAndABatchTierAtExactlyHalf() {
        Extraction extraction = extract("openai", "openai-cards.html");

        String batch = " · Batch API: 50% off inputs and outputs, results within 24 hours.";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o:input:standard = 2.5 USD PER_1M_TOKENS « $2.50 / 1M tokens",
                "openai:gpt-4o:input-cache-hit:standard = 1.25 USD PER_1M_TOKENS « $1.25 / 1M tokens",
                "openai:gpt-4o:output:standard = 10 USD PER_1M_TOKENS « $10.00 / 1M tokens",
                "openai:gpt-4o:input:batch = 1.25 USD PER_1M_TOKENS « $2.50 / 1M tokens" + batch,
                "openai:gpt-4o:input-cache-hit:batch = 0.625 USD PER_1M_TOKENS « $1.25 / 1M tokens" + batch,
                "openai:gpt-4o:output:batch = 5 USD PER_1M_TOKENS « $10.00 / 1M tokens" + batch,
                "openai:gpt-4o-mini:input:standard = 0.15 USD PER_1M_TOKENS « $0.15 / 1M tokens",
                "openai:gpt-4o-mini:input-cache-hit:standard = 0.075 USD PER_1M_TOKENS « $0.075 / 1M tokens",
                "openai:gpt-4o-mini:output:standard = 0.6 USD PER_1M_TOKENS « $0.60 / 1M tokens",
                "openai:gpt-4o-mini:input:batch = 0.075 USD PER_1M_TOKENS « $0.15 / 1M tokens" + batch,
                "openai:gpt-4o-mini:input-cache-hit:batch = 0.0375 USD PER_1M_TOKENS « $0.075 / 1M tokens" + batch,
                "openai:gpt-4o-mini:output:batch = 0.3 USD PER_1M_TOKENS « $0.60 / 1M tokens" + batch);
    }

    @Test
    void anthropicCardsYieldCacheWritesHitsAndBatch() {
        Extraction extraction = extract("anthropic", "anthropic-cards.html");

        String batch = " · Batch API: 50% off";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "anthropic:claude-sonnet-4:input:standard = 3 USD PER_1M_TOKENS « $3 / MTok",
                "anthropic:claude-sonnet-4:input-cache-write-5m:standard = 3.75 USD PER_1M_TOKENS « $3.75 / MTok",
                "anthropic:claude-sonnet-4:input-cache-write-1h:standard = 6 USD PER_1M_TOKENS « $6 / MTok",
                "anthropic:claude-sonnet-4:input-cache-hit:standard = 0.3 USD PER_1M_TOKENS « $0.30 / MTok",
                "anthropic:claude-sonnet-4:output:standard = 15 USD PER_1M_TOKENS « $15 / MTok",
                "anthropic:claude-sonnet-4:input:batch = 1.5 USD PER_1M_TOKENS « $3 / MTok" + batch,
                "anthropic:claude-sonnet-4:input-cache-write-5m:batch = 1.875 USD PER_1M_TOKENS « $3.75 / MTok" + batch,
                "anthropic:claude-sonnet-4:input-cache-write-1h:batch = 3 USD PER_1M_TOKENS « $6 / MTok" + batch,
                "anthropic:claude-sonnet-4:input-cache-hit:batch = 0.15 USD PER_1M_TOKENS « $0.30 / MTok" + batch,
                "anthropic:claude-sonnet-4:output:batch = 7.5 USD PER_1M_TOKENS « $15 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input:standard = 0.8 USD PER_1M_TOKENS « $0.80 / MTok",
                "anthropic:claude-haiku-3.5:input-cache-write-5m:standard = 1 USD PER_1M_TOKENS « $1 / MTok",
                "anthropic:claude-haiku-3.5:input-cache-write-1h:standard = 1.6 USD PER_1M_TOKENS « $1.6 / MTok",
                "anthropic:claude-haiku-3.5:input-cache-hit:standard = 0.08 USD PER_1M_TOKENS « $0.08 / MTok",
                "anthropic:claude-haiku-3.5:output:standard = 4 USD PER_1M_TOKENS « $4 / MTok",
                "anthropic:claude-haiku-3.5:input:batch = 0.4 USD PER_1M_TOKENS « $0.80 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input-cache-write-5m:batch = 0.5 USD PER_1M_TOKENS « $1 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input-cache-write-1h:batch = 0.8 USD PER_1M_TOKENS « $1.6 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input-cache-hit:batch = 0.04 USD PER_1M_TOKENS « $0.08 / MTok" + batch,
                "anthropic:claude-haiku-3.5:output:batch = 2 USD PER_1M_TOKENS « $4 / MTok" + batch);
    }
}
