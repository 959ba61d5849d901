package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.Extraction;
import org.junit.jupiter.api.Test;

import static io.pricewar.scraper.extract.FixturePages.extract;
import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in vendor's page announcing a later price in its own wording, read by that vendor's
 * catalog rule: today's prices as they are, and the announced ones carrying the instant the
 * notice names (Beijing time for the Chinese vendors, UTC for OpenAI and Anthropic). DeepSeek's
 * is in {@link CatalogFixturesTest}.
 */
class AnnouncedPriceFixturesTest {

    /** 北京时间2025年10月1日00:00起生效. */
    @Test
    void alibabasCutFromOctoberFirstBeijingTimeIsAnnouncedPerBandBesideTodaysPrices() {
        Extraction extraction = extract("alibaba", "alibaba-announced.html");

        String from = " [from 2025-09-30T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "alibaba:qwen-plus:input:0-lt-token-le-128k = 0.0008 CNY PER_1K_TOKENS « 0.0008",
                "alibaba:qwen-plus:output:0-lt-token-le-128k = 0.002 CNY PER_1K_TOKENS « 0.002",
                "alibaba:qwen-plus:input:128k-lt-token-le-256k = 0.0024 CNY PER_1K_TOKENS « 0.0024",
                "alibaba:qwen-plus:output:128k-lt-token-le-256k = 0.02 CNY PER_1K_TOKENS « 0.02",
                "alibaba:qwen-max:input:standard = 0.0024 CNY PER_1K_TOKENS « 0.0024",
                "alibaba:qwen-max:output:standard = 0.0096 CNY PER_1K_TOKENS « 0.0096",
                "alibaba:qwen-plus:input:0-lt-token-le-128k = 0.0004 CNY PER_1K_TOKENS « 0.0004" + from,
                "alibaba:qwen-plus:output:0-lt-token-le-128k = 0.001 CNY PER_1K_TOKENS « 0.001" + from,
                "alibaba:qwen-plus:input:128k-lt-token-le-256k = 0.0012 CNY PER_1K_TOKENS « 0.0012" + from,
                "alibaba:qwen-plus:output:128k-lt-token-le-256k = 0.01 CNY PER_1K_TOKENS « 0.01" + from,
                "alibaba:qwen-max:input:standard = 0.0016 CNY PER_1K_TOKENS « 0.0016" + from,
                "alibaba:qwen-max:output:standard = 0.0064 CNY PER_1K_TOKENS « 0.0064" + from);
    }

    /** 自北京时间2025年10月1日起，以下价格将调整为: no time of day, so midnight in Beijing. */
    @Test
    void baidusPricesAdjustedFromOctoberFirstAreAnnouncedFromMidnightBeijingTime() {
        Extraction extraction = extract("baidu", "baidu-announced.html");

        String from = " [from 2025-09-30T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "baidu:ernie-speed:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-speed:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "baidu:ernie-4.0:input:standard = 0.12 CNY PER_1K_TOKENS « 0.12元/千tokens",
                "baidu:ernie-4.0:output:standard = 0.12 CNY PER_1K_TOKENS « 0.12元/千tokens",
                "baidu:ernie-3.5:input:standard = 0.012 CNY PER_1K_TOKENS « 0.012元/千tokens",
                "baidu:ernie-3.5:output:standard = 0.012 CNY PER_1K_TOKENS « 0.012元/千tokens",
                "baidu:ernie-4.0:input:standard = 0.03 CNY PER_1K_TOKENS « 0.03元/千tokens" + from,
                "baidu:ernie-4.0:output:standard = 0.09 CNY PER_1K_TOKENS « 0.09元/千tokens" + from,
                "baidu:ernie-3.5:input:standard = 0.0008 CNY PER_1K_TOKENS « 0.0008元/千tokens" + from,
                "baidu:ernie-3.5:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002元/千tokens" + from);
    }

    /** 北京时间2025年11月1日 00:00 起, in a notice box whose heading comes first. */
    @Test
    void iflyteksNewSparkPricesFromNovemberFirstAreAnnouncedInFullWidthDigits() {
        Extraction extraction = extract("iflytek", "iflytek-announced.html");

        String from = " [from 2025-10-31T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "iflytek:spark-lite:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "iflytek:spark-lite:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "iflytek:spark-pro:input:standard = 21 CNY PER_1M_TOKENS « ２１",
                "iflytek:spark-pro:output:standard = 21 CNY PER_1M_TOKENS « ２１",
                "iflytek:spark4.0-ultra:input:standard = 1000 CNY PER_1M_TOKENS « １，０００",
                "iflytek:spark4.0-ultra:output:standard = 1000 CNY PER_1M_TOKENS « １，０００",
                "iflytek:spark-pro:input:standard = 15 CNY PER_1M_TOKENS « １５" + from,
                "iflytek:spark-pro:output:standard = 15 CNY PER_1M_TOKENS « １５" + from,
                "iflytek:spark4.0-ultra:input:standard = 700 CNY PER_1M_TOKENS « ７００" + from,
                "iflytek:spark4.0-ultra:output:standard = 700 CNY PER_1M_TOKENS « ７００" + from);
    }

    /** 北京时间 2025年10月15日 00:00 起，moonshot-v1 系列模型价格调整为. */
    @Test
    void moonshotsHalvedPricesFromOctoberFifteenthAreAnnouncedBesideTodaysPrices() {
        Extraction extraction = extract("moonshot", "moonshot-announced.html");

        String from = " [from 2025-10-14T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "moonshot:moonshot-v1-8k:input:standard = 2 CNY PER_1M_TOKENS « ￥2.00 / 百万 Tokens",
                "moonshot:moonshot-v1-8k:output:standard = 10 CNY PER_1M_TOKENS « ￥10.00 / 百万 Tokens",
                "moonshot:moonshot-v1-32k:input:standard = 5 CNY PER_1M_TOKENS « ￥5.00 / 百万 Tokens",
                "moonshot:moonshot-v1-32k:output:standard = 20 CNY PER_1M_TOKENS « ￥20.00 / 百万 Tokens",
                "moonshot:moonshot-v1-8k:input:standard = 1 CNY PER_1M_TOKENS « ￥1.00 / 百万 Tokens" + from,
                "moonshot:moonshot-v1-8k:output:standard = 5 CNY PER_1M_TOKENS « ￥5.00 / 百万 Tokens" + from,
                "moonshot:moonshot-v1-32k:input:standard = 2.5 CNY PER_1M_TOKENS « ￥2.50 / 百万 Tokens" + from,
                "moonshot:moonshot-v1-32k:output:standard = 10 CNY PER_1M_TOKENS « ￥10.00 / 百万 Tokens" + from);
    }

    /** 自北京时间2025年11月1日00:00起，以下刊例价生效. */
    @Test
    void tencentsNewListPricesFromNovemberFirstAreAnnouncedAndHunyuanLiteStaysFree() {
        Extraction extraction = extract("tencent", "tencent-announced.html");

        String from = " [from 2025-10-31T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "tencent:hunyuan-lite:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "tencent:hunyuan-lite:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "tencent:hunyuan-standard:input:standard = 0.0045 CNY PER_1K_TOKENS « 0.0045元/千tokens",
                "tencent:hunyuan-standard:output:standard = 0.005 CNY PER_1K_TOKENS « 0.005元/千tokens",
                "tencent:hunyuan-pro:input:standard = 0.03 CNY PER_1K_TOKENS « 0.03元/千tokens",
                "tencent:hunyuan-pro:output:standard = 0.1 CNY PER_1K_TOKENS « 0.10元/千tokens",
                "tencent:hunyuan-standard:input:standard = 0.0008 CNY PER_1K_TOKENS « 0.0008元/千tokens" + from,
                "tencent:hunyuan-standard:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002元/千tokens" + from,
                "tencent:hunyuan-pro:input:standard = 0.004 CNY PER_1K_TOKENS « 0.004元/千tokens" + from,
                "tencent:hunyuan-pro:output:standard = 0.012 CNY PER_1K_TOKENS « 0.012元/千tokens" + from);
    }

    /** 以下价格将于2025年10月1日00:00（北京时间）起生效, over a table in a wrapper of its own. */
    @Test
    void volcenginesBandPricesFromOctoberFirstAreAnnouncedPerBand() {
        Extraction extraction = extract("volcengine", "volcengine-announced.html");

        String from = " [from 2025-09-30T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "volcengine:doubao-pro-32k:input:standard = 0.0008 CNY PER_1K_TOKENS « 0.0008",
                "volcengine:doubao-pro-32k:output:standard = 0.002 CNY PER_1K_TOKENS « 0.002",
                "volcengine:doubao-seed-1.6:input:0-lt-token-le-32k = 0.8 CNY PER_1M_TOKENS « 0.8元/百万tokens",
                "volcengine:doubao-seed-1.6:output:0-lt-token-le-32k = 8 CNY PER_1M_TOKENS « 8元/百万tokens",
                "volcengine:doubao-seed-1.6:input:32k-lt-token-le-128k = 1.2 CNY PER_1M_TOKENS « 1.2元/百万tokens",
                "volcengine:doubao-seed-1.6:output:32k-lt-token-le-128k = 16 CNY PER_1M_TOKENS « 16元/百万tokens",
                "volcengine:doubao-seed-1.6:input:0-lt-token-le-32k = 0.6 CNY PER_1M_TOKENS « 0.6元/百万tokens" + from,
                "volcengine:doubao-seed-1.6:output:0-lt-token-le-32k = 6 CNY PER_1M_TOKENS « 6元/百万tokens" + from,
                "volcengine:doubao-seed-1.6:input:32k-lt-token-le-128k = 1 CNY PER_1M_TOKENS « 1.0元/百万tokens" + from,
                "volcengine:doubao-seed-1.6:output:32k-lt-token-le-128k = 12 CNY PER_1M_TOKENS « 12元/百万tokens" + from);
    }

    /** 北京时间 2025年9月20日 00:00 起，GLM-4-Plus 价格调整为: one price column, both meters. */
    @Test
    void zhipusGlm4PlusCutFromSeptemberTwentiethIsAnnouncedForInputAndOutput() {
        Extraction extraction = extract("zhipu", "zhipu-announced.html");

        String from = " [from 2025-09-19T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "zhipu:glm-4-plus:input:standard = 0.05 CNY PER_1K_TOKENS « 0.05 元 / 千tokens",
                "zhipu:glm-4-plus:output:standard = 0.05 CNY PER_1K_TOKENS « 0.05 元 / 千tokens",
                "zhipu:glm-4-flash:input:standard = 0 CNY PER_1M_TOKENS « 免费",
                "zhipu:glm-4-flash:output:standard = 0 CNY PER_1M_TOKENS « 免费",
                "zhipu:glm-3-turbo:input:standard = 0.001 CNY PER_1K_TOKENS « 0.001 元 / 千tokens",
                "zhipu:glm-3-turbo:output:standard = 0.001 CNY PER_1K_TOKENS « 0.001 元 / 千tokens",
                "zhipu:glm-4-plus:input:standard = 0.005 CNY PER_1K_TOKENS « 0.005 元 / 千tokens" + from,
                "zhipu:glm-4-plus:output:standard = 0.005 CNY PER_1K_TOKENS « 0.005 元 / 千tokens" + from);
    }

    /** "Starting October 1, 2025 at 00:00 UTC, GPT-4o will change to the following prices", just above its card. */
    @Test
    void openAisUpcomingGpt4oCardIsAnnouncedWithItsBatchTierBesideTodaysCards() {
        Extraction extraction = extract("openai", "openai-announced.html");

        String batch = " · Batch API: 50% off inputs and outputs, results within 24 hours.";
        String from = " [from 2025-10-01T00:00:00Z]";
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
                "openai:gpt-4o-mini:output:batch = 0.3 USD PER_1M_TOKENS « $0.60 / 1M tokens" + batch,
                "openai:gpt-4o:input:standard = 2 USD PER_1M_TOKENS « $2.00 / 1M tokens" + from,
                "openai:gpt-4o:input-cache-hit:standard = 1 USD PER_1M_TOKENS « $1.00 / 1M tokens" + from,
                "openai:gpt-4o:output:standard = 8 USD PER_1M_TOKENS « $8.00 / 1M tokens" + from,
                "openai:gpt-4o:input:batch = 1 USD PER_1M_TOKENS « $2.00 / 1M tokens" + batch + from,
                "openai:gpt-4o:input-cache-hit:batch = 0.5 USD PER_1M_TOKENS « $1.00 / 1M tokens" + batch + from,
                "openai:gpt-4o:output:batch = 4 USD PER_1M_TOKENS « $8.00 / 1M tokens" + batch + from);
    }

    /** "Effective from November 1, 2025 (UTC), Claude Haiku 3.5 will be priced as follows", above the block of its card. */
    @Test
    void anthropicsUpcomingHaikuCardIsAnnouncedFromMidnightUtcWithItsCacheAndBatchPrices() {
        Extraction extraction = extract("anthropic", "anthropic-announced.html");

        String batch = " · Batch API: 50% off";
        String from = " [from 2025-11-01T00:00:00Z]";
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
                "anthropic:claude-haiku-3.5:output:batch = 2 USD PER_1M_TOKENS « $4 / MTok" + batch,
                "anthropic:claude-haiku-3.5:input:standard = 1 USD PER_1M_TOKENS « $1 / MTok" + from,
                "anthropic:claude-haiku-3.5:input-cache-write-5m:standard = 1.25 USD PER_1M_TOKENS « $1.25 / MTok" + from,
                "anthropic:claude-haiku-3.5:input-cache-write-1h:standard = 2 USD PER_1M_TOKENS « $2 / MTok" + from,
                "anthropic:claude-haiku-3.5:input-cache-hit:standard = 0.1 USD PER_1M_TOKENS « $0.10 / MTok" + from,
                "anthropic:claude-haiku-3.5:output:standard = 5 USD PER_1M_TOKENS « $5 / MTok" + from,
                "anthropic:claude-haiku-3.5:input:batch = 0.5 USD PER_1M_TOKENS « $1 / MTok" + batch + from,
                "anthropic:claude-haiku-3.5:input-cache-write-5m:batch = 0.625 USD PER_1M_TOKENS « $1.25 / MTok" + batch + from,
                "anthropic:claude-haiku-3.5:input-cache-write-1h:batch = 1 USD PER_1M_TOKENS « $2 / MTok" + batch + from,
                "anthropic:claude-haiku-3.5:input-cache-hit:batch = 0.05 USD PER_1M_TOKENS « $0.10 / MTok" + batch + from,
                "anthropic:claude-haiku-3.5:output:batch = 2.5 USD PER_1M_TOKENS « $5 / MTok" + batch + from);
    }
}
