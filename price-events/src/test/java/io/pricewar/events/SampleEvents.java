package io.pricewar.events;

import java.time.Instant;

/** The Qwen-Long input cut of 2024-05-21 as events, for tests of the contract. */
final class SampleEvents {

    static final PricePointId QWEN_LONG_INPUT = PricePointId.of("alibaba", "Qwen-Long", "input", "standard");
    static final Price BEFORE = Price.of("0.02", "CNY", PriceUnit.PER_1K_TOKENS);
    static final Price AFTER = Price.of("0.0005", "CNY", PriceUnit.PER_1K_TOKENS);
    static final String PAGE_BEFORE = "a".repeat(64);
    static final String PAGE_AFTER = "b".repeat(64);
    static final String DEEPSEEK_PRICING = "https://api-docs.deepseek.com/quick_start/pricing";

    private SampleEvents() {
    }

    static Observation seen(String instant, String pageSha, String cellText) {
        return Observation.now(Instant.parse(instant),
                new Evidence("https://help.aliyun.com/model-studio/models", Instant.parse(instant), pageSha, cellText));
    }

    static PriceListed listed() {
        return PriceEvents.listed(PointHead.genesis(QWEN_LONG_INPUT), BEFORE,
                seen("2024-05-01T00:00:00Z", PAGE_BEFORE, "0.02元/千tokens"));
    }

    static PriceChanged cut() {
        return PriceEvents.changed(listed().head(), BEFORE, AFTER,
                seen("2024-05-21T02:00:00Z", PAGE_AFTER, "0.0005元/千tokens"));
    }

    /** DeepSeek's price list announced on 2025-08-21 for 16:00 UTC on 2025-09-05, read from the page before that. */
    static PriceChanged announcedRise() {
        PricePointId deepSeekInput = PricePointId.of("deepseek", "deepseek-chat", "input", "standard");
        Price today = Price.of("0.27", "USD", PriceUnit.PER_1M_TOKENS);
        Price announced = Price.of("0.56", "USD", PriceUnit.PER_1M_TOKENS);
        PriceListed listed = PriceEvents.listed(PointHead.genesis(deepSeekInput), today,
                Observation.now(Instant.parse("2025-08-01T00:05:00Z"), new Evidence(DEEPSEEK_PRICING,
                        Instant.parse("2025-08-01T00:05:00Z"), "d".repeat(64), "$0.27")));
        return PriceEvents.changed(listed.head(), today, announced,
                new Observation(Instant.parse("2025-08-21T09:05:00Z"), Instant.parse("2025-09-05T16:00:00Z"),
                        new Evidence(DEEPSEEK_PRICING, Instant.parse("2025-08-21T09:05:00Z"), "e".repeat(64), "$0.56")));
    }

    static PriceDelisted delisted() {
        return PriceEvents.delisted(cut().head(), AFTER,
                seen("2024-09-01T00:00:00Z", "c".repeat(64), ""));
    }
}
