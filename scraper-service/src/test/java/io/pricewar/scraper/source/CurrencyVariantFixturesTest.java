package io.pricewar.scraper.source;

import io.pricewar.events.PricePointId;
import io.pricewar.scraper.extract.ExtractedPrice;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.RejectedCell;
import org.junit.jupiter.api.Test;

import static io.pricewar.scraper.extract.FixturePages.extract;
import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each vendor's page in the other currency it publishes, read by the catalog source for it, and
 * for the vendors that publish one currency only, their page in a foreign notation: a price is
 * kept in the currency its page names, or rejected, never taken for the source's currency.
 */
class CurrencyVariantFixturesTest {

    @Test
    void deepSeekUsdAndCnyPagesShowTheSamePointsWhichIsWhyOnlyOneIsEnabled() {
        Extraction usd = extract("deepseek", "deepseek-usd.html");
        Extraction cny = extract("deepseek-cny", "deepseek-cny.html");

        assertThat(cny.prices()).extracting(ExtractedPrice::pointId)
                .containsExactlyInAnyOrderElementsOf(usd.prices().stream().map(ExtractedPrice::pointId).toList());
        assertThat(usd.prices()).extracting(p -> p.price().currency().getCurrencyCode()).containsOnly("USD");
        assertThat(cny.prices()).extracting(p -> p.price().currency().getCurrencyCode()).containsOnly("CNY");
    }

    @Test
    void alibabaInternationalPageReadsDollarsPerMillionTokensInBandsUnderAMergedModelCell() {
        Extraction extraction = extract("alibaba-intl", "alibaba-intl.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "alibaba:qwen-max:input:standard = 1.6 USD PER_1M_TOKENS « $1.6",
                "alibaba:qwen-max:output:standard = 6.4 USD PER_1M_TOKENS « $6.4",
                "alibaba:qwen-plus:input:0-lt-token-le-256k = 0.4 USD PER_1M_TOKENS « $0.4",
                "alibaba:qwen-plus:output:0-lt-token-le-256k = 1.2 USD PER_1M_TOKENS « $1.2",
                "alibaba:qwen-plus:input:256k-lt-token-le-1m = 1.2 USD PER_1M_TOKENS « $1.2",
                "alibaba:qwen-plus:output:256k-lt-token-le-1m = 3.6 USD PER_1M_TOKENS « $3.6",
                "alibaba:qwen-turbo:input:standard = 0.05 USD PER_1M_TOKENS « $0.05",
                "alibaba:qwen-turbo:output:standard = 0.2 USD PER_1M_TOKENS « $0.2");
    }

    @Test
    void volcengineBytePlusPageReadsTheModelBesideItsProviderAndPromptLengthConditionsAsTiers() {
        Extraction extraction = extract("volcengine-intl", "volcengine-byteplus.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "volcengine:bytedance-seed-1.6:input:prompt-length-0-128 = 0.25 USD PER_1M_TOKENS « 0.25",
                "volcengine:bytedance-seed-1.6:input-cache-hit:prompt-length-0-128 = 0.05 USD PER_1M_TOKENS « 0.05",
                "volcengine:bytedance-seed-1.6:output:prompt-length-0-128 = 2 USD PER_1M_TOKENS « 2.00",
                "volcengine:bytedance-seed-1.6:input:prompt-length-128-256 = 0.5 USD PER_1M_TOKENS « 0.5",
                "volcengine:bytedance-seed-1.6:input-cache-hit:prompt-length-128-256 = 0.05 USD PER_1M_TOKENS « 0.05",
                "volcengine:bytedance-seed-1.6:output:prompt-length-128-256 = 4 USD PER_1M_TOKENS « 4.00",
                "volcengine:bytedance-seed-1.6-flash:input:prompt-length-0-128 = 0.075 USD PER_1M_TOKENS « 0.075",
                "volcengine:bytedance-seed-1.6-flash:input-cache-hit:prompt-length-0-128 = 0.015 USD PER_1M_TOKENS « 0.015",
                "volcengine:bytedance-seed-1.6-flash:output:prompt-length-0-128 = 0.3 USD PER_1M_TOKENS « 0.30",
                "volcengine:bytedance-seed-1.6-flash:input:prompt-length-128-256 = 0.1 USD PER_1M_TOKENS « 0.10",
                "volcengine:bytedance-seed-1.6-flash:input-cache-hit:prompt-length-128-256 = 0.015 USD PER_1M_TOKENS « 0.015",
                "volcengine:bytedance-seed-1.6-flash:output:prompt-length-128-256 = 0.8 USD PER_1M_TOKENS « 0.80",
                "volcengine:skylark-pro:input:standard = 0.4 USD PER_1M_TOKENS « 0.40",
                "volcengine:skylark-pro:input-cache-hit:standard = 0.08 USD PER_1M_TOKENS « 0.08",
                "volcengine:skylark-pro:output:standard = 1.6 USD PER_1M_TOKENS « 1.60",
                "volcengine:deepseek-v3.1:input:standard = 0.56 USD PER_1M_TOKENS « 0.56",
                "volcengine:deepseek-v3.1:input-cache-hit:standard = 0.112 USD PER_1M_TOKENS « 0.112",
                "volcengine:deepseek-v3.1:output:standard = 1.68 USD PER_1M_TOKENS « 1.68");
    }

    @Test
    void zhipuZaiPageReadsDollarsForInputCachedInputAndOutputAndGlm45FlashAsFree() {
        Extraction extraction = extract("zhipu-intl", "zhipu-zai.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "zhipu:glm-4.5:input:standard = 0.6 USD PER_1M_TOKENS « $0.6",
                "zhipu:glm-4.5:input-cache-hit:standard = 0.11 USD PER_1M_TOKENS « $0.11",
                "zhipu:glm-4.5:output:standard = 2.2 USD PER_1M_TOKENS « $2.2",
                "zhipu:glm-4.5-air:input:standard = 0.2 USD PER_1M_TOKENS « $0.2",
                "zhipu:glm-4.5-air:input-cache-hit:standard = 0.03 USD PER_1M_TOKENS « $0.03",
                "zhipu:glm-4.5-air:output:standard = 1.1 USD PER_1M_TOKENS « $1.1",
                "zhipu:glm-4.5-flash:input:standard = 0 USD PER_1M_TOKENS « Free",
                "zhipu:glm-4.5-flash:input-cache-hit:standard = 0 USD PER_1M_TOKENS « Free",
                "zhipu:glm-4.5-flash:output:standard = 0 USD PER_1M_TOKENS « Free");
    }

    @Test
    void moonshotInternationalPageReadsDollarsPerMillionTokens() {
        Extraction extraction = extract("moonshot-intl", "moonshot-intl.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "moonshot:moonshot-v1-8k:input:standard = 0.2 USD PER_1M_TOKENS « $0.20 / 1M tokens",
                "moonshot:moonshot-v1-8k:output:standard = 2 USD PER_1M_TOKENS « $2.00 / 1M tokens",
                "moonshot:moonshot-v1-32k:input:standard = 1 USD PER_1M_TOKENS « $1.00 / 1M tokens",
                "moonshot:moonshot-v1-32k:output:standard = 3 USD PER_1M_TOKENS « $3.00 / 1M tokens",
                "moonshot:moonshot-v1-128k:input:standard = 2 USD PER_1M_TOKENS « $2.00 / 1M tokens",
                "moonshot:moonshot-v1-128k:output:standard = 5 USD PER_1M_TOKENS « $5.00 / 1M tokens");
    }

    @Test
    void tencentInternationalPageReadsPlainCellsUnderDollarsPerMillionTokensHeaders() {
        Extraction extraction = extract("tencent-intl", "tencent-intl.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "tencent:hunyuan-turbos:input:standard = 0.11 USD PER_1M_TOKENS « 0.11",
                "tencent:hunyuan-turbos:output:standard = 0.28 USD PER_1M_TOKENS « 0.28",
                "tencent:hunyuan-t1:input:standard = 0.14 USD PER_1M_TOKENS « 0.14",
                "tencent:hunyuan-t1:output:standard = 0.56 USD PER_1M_TOKENS « 0.56");
    }

    @Test
    void baiduPublishesCnyOnlyAndItsRuleKeepsDollarCellsInDollarsAndRejectsHongKongDollars() {
        Extraction extraction = extract("baidu", "baidu-foreign-currency.html");

        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "baidu:ernie-4.0:input:standard = 0.017 USD PER_1K_TOKENS « $0.017/1K tokens",
                "baidu:ernie-4.0:output:standard = 0.017 USD PER_1K_TOKENS « $0.017/1K tokens",
                "baidu:ernie-3.5:input:standard = 0.012 CNY PER_1K_TOKENS « 0.012元/千tokens");
        assertThat(extraction.rejected()).singleElement().satisfies(cell -> {
            assertThat(cell.cellText()).isEqualTo("HK$0.013/千tokens");
            assertThat(cell.reason()).contains("not part of a price");
        });
        assertThat(extraction.unreadable()).containsExactly(PricePointId.parse("baidu:ernie-3.5:output:standard"));
    }

    @Test
    void iflytekPublishesCnyOnlyAndItsRuleReadsHeadersInUsDollarsAsDollars() {
        Extraction extraction = extract("iflytek", "iflytek-foreign-currency.html");

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "iflytek:spark-pro:input:standard = 2.9 USD PER_1M_TOKENS « 2.9",
                "iflytek:spark-pro:output:standard = 2.9 USD PER_1M_TOKENS « 2.9",
                "iflytek:spark4.0-ultra:input:standard = 140 USD PER_1M_TOKENS « １４０",
                "iflytek:spark4.0-ultra:output:standard = 140 USD PER_1M_TOKENS « １４０");
    }

    @Test
    void openAiPublishesUsdOnlyAndItsRuleKeepsYuanCellsAndTheirBatchTierInYuan() {
        Extraction extraction = extract("openai", "openai-foreign-currency.html");

        String batch = " · Batch API: 50% off inputs and outputs, results within 24 hours.";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o:input:standard = 18 CNY PER_1M_TOKENS « ¥18.00 / 1M tokens",
                "openai:gpt-4o:output:standard = 72 CNY PER_1M_TOKENS « ¥72.00 / 1M tokens",
                "openai:gpt-4o:input:batch = 9 CNY PER_1M_TOKENS « ¥18.00 / 1M tokens" + batch,
                "openai:gpt-4o:output:batch = 36 CNY PER_1M_TOKENS « ¥72.00 / 1M tokens" + batch);
    }

    @Test
    void anthropicPublishesUsdOnlyAndItsRuleKeepsYuanInYuanAndRejectsEuros() {
        Extraction extraction = extract("anthropic", "anthropic-foreign-currency.html");

        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "anthropic:claude-sonnet-4:input:standard = 21.6 CNY PER_1M_TOKENS « ¥21.6 / MTok",
                "anthropic:claude-sonnet-4:input:batch = 10.8 CNY PER_1M_TOKENS « ¥21.6 / MTok · Batch API: 50% off");
        assertThat(extraction.rejected()).extracting(RejectedCell::cellText).containsExactly("€14 / MTok");
        assertThat(extraction.unreadable()).containsExactlyInAnyOrder(
                PricePointId.parse("anthropic:claude-sonnet-4:output:standard"),
                PricePointId.parse("anthropic:claude-sonnet-4:output:batch"));
    }
}
