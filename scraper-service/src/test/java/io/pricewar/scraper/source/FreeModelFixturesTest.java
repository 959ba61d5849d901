package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.Extraction;
import org.junit.jupiter.api.Test;

import static io.pricewar.scraper.extract.FixturePages.extract;
import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A free model on each vendor's page whose other fixtures show none, read by its catalog rule as
 * a price of 0, flagged as a promotion when the page says free for a limited time. The others
 * show theirs elsewhere: Alibaba's 限时免费 qwen-vl-max, Baidu's ERNIE Speed and Lite, Tencent's
 * hunyuan-lite, iFlytek's Spark Lite and Zhipu's GLM-4-Flash in {@link CatalogFixturesTest},
 * Z.ai's "Free" GLM-4.5-Flash in {@link CurrencyVariantFixturesTest}.
 */
class FreeModelFixturesTest {

    @Test
    void deepSeekReadsAModelFreeInEveryCellAndACacheHitDiscountedByAHundredPercentAsZero() {
        Extraction extraction = extract("deepseek", "deepseek-free.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "deepseek:deepseek-chat:input-cache-hit:standard = 0.07 USD PER_1M_TOKENS « $0.07",
                "deepseek:deepseek-chat:input:standard = 0.27 USD PER_1M_TOKENS « $0.27",
                "deepseek:deepseek-chat:output:standard = 1.1 USD PER_1M_TOKENS « $1.10",
                "deepseek:deepseek-chat:input-cache-hit:off-peak = 0 USD PER_1M_TOKENS « $0.00 (100% OFF)",
                "deepseek:deepseek-chat:input:off-peak = 0.135 USD PER_1M_TOKENS « $0.135 (50% OFF)",
                "deepseek:deepseek-chat:output:off-peak = 0.55 USD PER_1M_TOKENS « $0.550 (50% OFF)",
                "deepseek:deepseek-prover:input-cache-hit:standard = 0 USD PER_1M_TOKENS « FREE",
                "deepseek:deepseek-prover:input:standard = 0 USD PER_1M_TOKENS « FREE",
                "deepseek:deepseek-prover:output:standard = 0 USD PER_1M_TOKENS « FREE",
                "deepseek:deepseek-prover:input-cache-hit:off-peak = 0 USD PER_1M_TOKENS « FREE",
                "deepseek:deepseek-prover:input:off-peak = 0 USD PER_1M_TOKENS « FREE",
                "deepseek:deepseek-prover:output:off-peak = 0 USD PER_1M_TOKENS « FREE");
    }

    @Test
    void volcengineReadsLimitedTimeFreeUnderAYuanPerThousandHeaderAsAZeroPromotion() {
        Extraction extraction = extract("volcengine", "volcengine-free.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "volcengine:doubao-pro-32k:input:standard = 0.0008 CNY PER_1K_TOKENS « 0.0008",
                "volcengine:doubao-pro-32k:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002",
                "volcengine:doubao-1.5-vision-lite:input:standard = 0 CNY PER_1K_TOKENS « 限时免费 [promotion]",
                "volcengine:doubao-1.5-vision-lite:output:standard = 0 CNY PER_1K_TOKENS « 限时免费 [promotion]");
    }

    @Test
    void moonshotReadsLimitedTimeFreeBesideYenPerMillionCellsAsAZeroPromotion() {
        Extraction extraction = extract("moonshot", "moonshot-free.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "moonshot:moonshot-v1-8k:input:standard = 2 CNY PER_1M_TOKENS « ￥2.00 / 百万 Tokens",
                "moonshot:moonshot-v1-8k:output:standard = 10 CNY PER_1M_TOKENS « ￥10.00 / 百万 Tokens",
                "moonshot:kimi-latest-8k:input:standard = 0 CNY PER_1M_TOKENS « 限时免费 [promotion]",
                "moonshot:kimi-latest-8k:output:standard = 0 CNY PER_1M_TOKENS « 限时免费 [promotion]");
    }

    @Test
    void openAiReadsTheFreeModerationModelAsZeroAndItsBatchTierAsZeroToo() {
        Extraction extraction = extract("openai", "openai-free.html");

        String batch = " · Batch API: 50% off inputs and outputs, results within 24 hours.";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o-mini:input:standard = 0.15 USD PER_1M_TOKENS « $0.15 / 1M tokens",
                "openai:gpt-4o-mini:output:standard = 0.6 USD PER_1M_TOKENS « $0.60 / 1M tokens",
                "openai:gpt-4o-mini:input:batch = 0.075 USD PER_1M_TOKENS « $0.15 / 1M tokens" + batch,
                "openai:gpt-4o-mini:output:batch = 0.3 USD PER_1M_TOKENS « $0.60 / 1M tokens" + batch,
                "openai:omni-moderation-latest:input:standard = 0 USD PER_1M_TOKENS « Free",
                "openai:omni-moderation-latest:input:batch = 0 USD PER_1M_TOKENS « Free" + batch);
    }

    @Test
    void anthropicReadsZeroDollarsPerMTokAsAFreeModelAndNotAsAPromotion() {
        Extraction extraction = extract("anthropic", "anthropic-free.html");

        String batch = " · Batch API: 50% off";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "anthropic:claude-haiku-3.5:input:standard = 0.8 USD PER_1M_TOKENS « $0.80 / MTok",
                "anthropic:claude-haiku-3.5:output:standard = 4 USD PER_1M_TOKENS « $4 / MTok",
                "anthropic:claude-haiku-3.5:input:batch = 0.4 USD PER_1M_TOKENS « $0.80 / MTok" + batch,
                "anthropic:claude-haiku-3.5:output:batch = 2 USD PER_1M_TOKENS « $4 / MTok" + batch,
                "anthropic:claude-preview:input:standard = 0 USD PER_1M_TOKENS « $0 / MTok",
                "anthropic:claude-preview:output:standard = 0 USD PER_1M_TOKENS « $0 / MTok",
                "anthropic:claude-preview:input:batch = 0 USD PER_1M_TOKENS « $0 / MTok" + batch,
                "anthropic:claude-preview:output:batch = 0 USD PER_1M_TOKENS « $0 / MTok" + batch);
    }
}
