package io.pricewar.ledger;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.pricewar.ledger.SampleEvents.changed;
import static io.pricewar.ledger.SampleEvents.listed;

/** The May 2024 price war of DOMAIN.md as the ledger would receive it. */
public final class MayTimeline {

    public static final PricePointId QWEN_LONG_IN = PricePointId.of("alibaba", "Qwen-Long", "input", "standard");
    public static final PricePointId QWEN_LONG_OUT = PricePointId.of("alibaba", "Qwen-Long", "output", "standard");
    public static final PricePointId QWEN_MAX_IN = PricePointId.of("alibaba", "Qwen-Max", "input", "standard");
    public static final PricePointId DOUBAO_32K_IN = PricePointId.of("volcengine", "Doubao-Pro-32k", "input", "standard");
    public static final PricePointId DOUBAO_32K_OUT = PricePointId.of("volcengine", "Doubao-Pro-32k", "output", "standard");
    public static final PricePointId DEEPSEEK_IN = PricePointId.of("deepseek", "DeepSeek-V2", "input", "standard");
    public static final PricePointId DEEPSEEK_OUT = PricePointId.of("deepseek", "DeepSeek-V2", "output", "standard");
    public static final PricePointId DEEPSEEK_CACHE_HIT_IN =
            PricePointId.of("deepseek", "DeepSeek-V2", "input-cache-hit", "standard");
    public static final PricePointId GLM4_PLUS_IN = PricePointId.of("zhipu", "GLM-4-Plus", "input", "standard");
    public static final PricePointId GLM4_PLUS_BATCH_IN = PricePointId.of("zhipu", "GLM-4-Plus", "input", "batch");
    public static final PricePointId GPT4O_IN = PricePointId.of("openai", "GPT-4o", "input", "standard");
    public static final PricePointId GPT4O_OUT = PricePointId.of("openai", "GPT-4o", "output", "standard");
    public static final PricePointId ERNIE_SPEED_IN = PricePointId.of("baidu", "ERNIE-Speed-8K", "input", "standard");

    private MayTimeline() {
    }

    public static List<PriceEvent> events() {
        List<PriceEvent> log = new ArrayList<>();
        var qwenLongIn = listed(QWEN_LONG_IN, k("0.02"), "2024-05-01T00:00:00Z");
        var qwenLongOut = listed(QWEN_LONG_OUT, k("0.02"), "2024-05-01T00:00:00Z");
        var qwenMaxIn = listed(QWEN_MAX_IN, k("0.12"), "2024-05-01T00:00:00Z");
        var ernie = listed(ERNIE_SPEED_IN, m("4"), "2024-05-01T00:00:00Z");
        var deepseekIn = listed(DEEPSEEK_IN, m("1"), "2024-05-06T00:00:00Z");
        var deepseekOut = listed(DEEPSEEK_OUT, m("2"), "2024-05-06T00:00:00Z");
        var gpt4oIn = listed(GPT4O_IN, usd("5"), "2024-05-13T18:00:00Z");
        var gpt4oOut = listed(GPT4O_OUT, usd("15"), "2024-05-13T18:00:00Z");
        var doubaoIn = listed(DOUBAO_32K_IN, k("0.0008"), "2024-05-15T08:00:00Z");
        var doubaoOut = listed(DOUBAO_32K_OUT, k("0.002"), "2024-05-15T08:00:00Z");
        log.addAll(List.of(qwenLongIn, qwenLongOut, qwenMaxIn, ernie, deepseekIn, deepseekOut, gpt4oIn, gpt4oOut,
                doubaoIn, doubaoOut));
        // Alibaba announced the Qwen-Max cut on the 19th, effective on the 21st.
        log.add(PriceEvents.changed(qwenMaxIn.head(), k("0.12"), k("0.04"),
                new Observation(Instant.parse("2024-05-19T09:00:00Z"), Instant.parse("2024-05-21T00:00:00Z"),
                        evidence("2024-05-19T09:00:00Z", "0.04元/千tokens（5月21日起）"))));
        log.add(changed(qwenLongIn, k("0.02"), k("0.0005"), "2024-05-21T02:00:00Z"));
        log.add(changed(qwenLongOut, k("0.02"), k("0.002"), "2024-05-21T02:00:00Z"));
        log.add(changed(ernie, m("4"), m("0"), "2024-05-21T06:00:00Z"));
        return log;
    }

    /** DeepSeek's cache-hit input price, which came with context caching in August: not part of the May log. */
    public static PriceEvent deepSeekCacheHitListed() {
        return listed(DEEPSEEK_CACHE_HIT_IN, m("0.1"), "2024-08-02T00:00:00Z");
    }

    /** One meter in two tiers: GLM-4-Plus input, with batch calls at half price; listed in August, not in May. */
    public static List<PriceEvent> glm4PlusTiers() {
        return List.of(listed(GLM4_PLUS_IN, m("50"), "2024-08-29T00:00:00Z"),
                listed(GLM4_PLUS_BATCH_IN, m("25"), "2024-08-29T00:00:00Z"));
    }

    static Price k(String amount) {
        return Price.of(amount, "CNY", PriceUnit.PER_1K_TOKENS);
    }

    static Price m(String amount) {
        return Price.of(amount, "CNY", PriceUnit.PER_1M_TOKENS);
    }

    static Price usd(String amount) {
        return Price.of(amount, "USD", PriceUnit.PER_1M_TOKENS);
    }

    private static Evidence evidence(String at, String cell) {
        return SampleEvents.seen(at, cell).evidence();
    }
}
