package io.pricewar.bench.alert;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Subscriptions and events shaped like a price war's: ten vendors, a few dozen models each,
 * three meters, three tiers; targets name a vendor most of the time, a model or a glob of one
 * often, a meter or tier sometimes, and about one in a hundred wants everything.
 */
final class AlertFixtures {

    static final Instant CREATED = Instant.parse("2024-05-01T00:00:00Z");
    static final List<String> VENDORS = List.of("deepseek", "volcengine", "alibaba", "baidu", "tencent", "iflytek",
            "zhipu", "moonshot", "openai", "anthropic");
    static final List<String> METERS = List.of("input", "output", "input-cache-hit");
    static final List<String> TIERS = List.of("standard", "batch", "0-lt-token-le-32k");
    static final int MODELS_PER_VENDOR = 40;

    private AlertFixtures() {
    }

    static String model(String vendor, int i) {
        return vendor + "-model-" + i + (i % 2 == 0 ? "-32k" : "-128k");
    }

    /** Broad: 1 % want everything and a fifth of the rest a whole vendor; thousands fire per event. */
    static List<Subscription> subscriptions(int count, long seed) {
        return subscriptions(count, seed, true);
    }

    /**
     * @param broad false for subscribers that name a model (or a glob of one) every time and
     *              want everything one in 10,000 times: tens fire per event, not thousands
     */
    static List<Subscription> subscriptions(int count, long seed, boolean broad) {
        Random random = new Random(seed);
        List<Subscription> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PointTarget target;
            if (random.nextInt(broad ? 100 : 10_000) == 0) {
                target = PointTarget.ANY;
            } else {
                String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
                int kind = random.nextInt(broad ? 10 : 8);
                String model = kind < 6 ? model(vendor, random.nextInt(MODELS_PER_VENDOR))
                        : kind < 8 ? vendor + "-model-" + random.nextInt(10) + "*" : null;
                String meter = random.nextInt(3) == 0 ? null : METERS.get(random.nextInt(METERS.size()));
                String tier = random.nextInt(2) == 0 ? null : TIERS.get(random.nextInt(TIERS.size()));
                target = new PointTarget(vendor, model, meter, tier);
            }
            out.add(subscription(target, URI.create("https://hooks.example.test/" + (i % 1000))));
        }
        return out;
    }

    static Subscription subscription(PointTarget target, URI hook) {
        return Subscription.create("owner-bench", hook, new AlertCondition.AnyDrop(), target, Duration.ZERO, CREATED);
    }

    static List<PriceChanged> drops(int count, long seed) {
        Random random = new Random(seed);
        List<PriceChanged> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
            PricePointId point = new PricePointId(vendor, model(vendor, random.nextInt(MODELS_PER_VENDOR)),
                    METERS.get(random.nextInt(METERS.size())), TIERS.get(random.nextInt(TIERS.size())));
            out.add(drop(point, "0.0050", "0.0008", CREATED.plusSeconds(i)));
        }
        return out;
    }

    static PriceChanged drop(PricePointId point, String from, String to, Instant at) {
        Price old = Price.of(from, "CNY", PriceUnit.PER_1K_TOKENS);
        PriceListed listed = PriceEvents.listed(PointHead.genesis(point), old, seen(at.minusSeconds(3600), old));
        Price next = Price.of(to, "CNY", PriceUnit.PER_1K_TOKENS);
        return PriceEvents.changed(listed.head(), old, next, seen(at, next));
    }

    static PriceListed listed(PricePointId point, String amount, Instant at) {
        Price price = Price.of(amount, "CNY", PriceUnit.PER_1K_TOKENS);
        return PriceEvents.listed(PointHead.genesis(point), price, seen(at, price));
    }

    static Observation seen(Instant at, Price price) {
        return Observation.now(at, new Evidence("https://example.test/pricing", at, "ab".repeat(32),
                price.amount().toPlainString()));
    }

    static Duration percentile(List<Long> sortedNanos, double p) {
        int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
        return Duration.ofNanos(sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))));
    }
}
