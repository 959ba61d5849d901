package io.pricewar.devstack;

import java.util.List;

import static io.pricewar.devstack.VendorPage.row;

/**
 * The May 2024 price war of {@code shared/DOMAIN.md}, as the pages the demo site serves before it
 * and the steps that change them. Figures from the seed articles; where the seeds give none (the
 * pre-war prices of Spark, Hunyuan and ERNIE), approximate figures of the time, marked as demo data.
 */
public final class MayTimeline {

    /** One dated move of the price war: a headline and the pages it changes or publishes. */
    public record Step(String date, String headline, List<VendorPage> pages) {
    }

    static final VendorPage ZHIPU = VendorPage.perThousandYuan("zhipu", "智谱AI开放平台 价格",
            row("GLM-4", "0.1", "0.1"), row("GLM-3 Turbo", "0.005", "0.005"));
    static final VendorPage OPENAI = VendorPage.perMillionDollars("openai", "OpenAI API Pricing",
            row("GPT-4 Turbo", "$10.00", "$30.00"), row("GPT-3.5 Turbo", "$0.50", "$1.50"));
    static final VendorPage ALIBABA = VendorPage.perThousandYuan("alibaba", "阿里云百炼 模型计费",
            row("Qwen-Long", "0.02", "0.02"), row("Qwen-Max", "0.12", "0.12"),
            row("Qwen-Plus", "0.02", "0.02"), row("Qwen-Turbo", "0.008", "0.008"));
    // Pre-war ERNIE, Spark and Hunyuan prices are approximate demo data.
    static final VendorPage BAIDU = VendorPage.perThousandYuan("baidu", "百度智能云千帆 模型价格",
            row("ERNIE 4.0", "0.12", "0.12"), row("ERNIE Speed", "0.004", "0.008"), row("ERNIE Lite", "0.003", "0.006"));
    static final VendorPage IFLYTEK = VendorPage.perThousandYuan("iflytek", "讯飞星火 API 价格",
            row("Spark Lite", "0.018", "0.018"), row("Spark Max", "0.03", "0.03"));
    static final VendorPage TENCENT = VendorPage.perThousandYuan("tencent", "腾讯混元 计费",
            row("hunyuan-lite", "0.008", "0.008"), row("hunyuan-standard", "0.01", "0.01"));

    private MayTimeline() {
    }

    /** The pages online on 1 May 2024. DeepSeek's and Volcano Engine's appear with their launches. */
    public static List<VendorPage> before() {
        return List.of(ZHIPU, OPENAI, ALIBABA, BAIDU, IFLYTEK, TENCENT);
    }

    /** Every vendor the timeline ever publishes a page for, so that the scraper knows them all. */
    public static List<String> vendors() {
        return List.of("deepseek", "zhipu", "openai", "volcengine", "alibaba", "baidu", "iflytek", "tencent");
    }

    /** The pages as they stand after the last step, for a devstack that resumes kept data. */
    public static List<VendorPage> end() {
        java.util.Map<String, VendorPage> pages = new java.util.LinkedHashMap<>();
        before().forEach(page -> pages.put(page.vendor(), page));
        steps().forEach(step -> step.pages().forEach(page -> pages.put(page.vendor(), page)));
        return List.copyOf(pages.values());
    }

    public static List<Step> steps() {
        VendorPage alibabaCut = ALIBABA
                .with(row("Qwen-Long", "0.0005", "0.002"))
                .with(row("Qwen-Max", "0.04", "0.12"))
                .with(row("Qwen-Plus", "0.004", "0.012"))
                .with(row("Qwen-Turbo", "0.002", "0.006"));
        return List.of(
                new Step("2024-05-06", "DeepSeek lists DeepSeek-V2 at 1 CNY in / 2 CNY out per 1M tokens",
                        List.of(VendorPage.perMillionYuan("deepseek", "DeepSeek API 定价",
                                row("DeepSeek-V2", "1", "2")))),
                new Step("2024-05-11", "Zhipu cuts GLM-3 Turbo by 80%",
                        List.of(ZHIPU.with(row("GLM-3 Turbo", "0.001", "0.001")))),
                new Step("2024-05-13", "OpenAI launches GPT-4o at half the price of GPT-4 Turbo",
                        List.of(OPENAI.with(row("GPT-4o", "$5.00", "$15.00")))),
                new Step("2024-05-15", "Volcano Engine launches Doubao Pro-32k at 0.0008 CNY / 1K input",
                        List.of(VendorPage.perThousandYuan("volcengine", "火山方舟 豆包大模型 计费",
                                row("Doubao Pro-32k", "0.0008", "0.002"), row("Doubao Pro-128k", "0.005", "0.009")))),
                new Step("2024-05-21", "Alibaba cuts 9 Qwen models; Qwen-Long input down 97%",
                        List.of(alibabaCut)),
                new Step("2024-05-21", "Baidu makes ERNIE Speed and ERNIE Lite free",
                        List.of(BAIDU.with(row("ERNIE Speed", "免费", "免费")).with(row("ERNIE Lite", "免费", "免费")))),
                new Step("2024-05-22", "iFlytek makes Spark Lite free; Tencent makes hunyuan-lite free",
                        List.of(IFLYTEK.with(row("Spark Lite", "免费", "免费")),
                                TENCENT.with(row("hunyuan-lite", "免费", "免费")))));
    }
}
