package io.pricewar.alert.matching;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionIndexTest {

    static final List<String> VENDORS = List.of("deepseek", "volcengine", "alibaba", "baidu");
    static final List<String> MODELS = List.of("deepseek-v2", "doubao-pro-32k", "doubao-pro-128k", "qwen-long",
            "qwen-max", "ernie-speed-8k");
    static final List<String> GLOBS = List.of("doubao-*", "qwen-*", "*-32k", "ernie-?peed-8k", "*");
    static final List<String> METERS = List.of("input", "output", "input-cache-hit");
    static final List<String> TIERS = List.of("standard", "batch", "0-lt-token-le-32k");

    @Test
    void findsExactlyTheSubscriptionsAScanFindsForEveryPoint() {
        Random random = new Random(5);
        List<Subscription> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(subscription(new PointTarget(pick(random, VENDORS), random.nextBoolean()
                    ? pick(random, MODELS) : pick(random, GLOBS), pick(random, METERS), pick(random, TIERS))));
        }
        SubscriptionIndex index = SubscriptionIndex.build(all);

        for (String vendor : VENDORS) {
            for (String model : MODELS) {
                for (String meter : METERS) {
                    for (String tier : TIERS) {
                        PricePointId point = new PricePointId(vendor, model, meter, tier);
                        assertThat(index.candidates(point)).as(point.toString())
                                .containsExactlyInAnyOrderElementsOf(
                                        all.stream().filter(s -> s.target().matches(point)).toList());
                    }
                }
            }
        }
    }

    @Test
    void anEverythingSubscriptionIsACandidateForAnyPoint() {
        Subscription everything = subscription(PointTarget.ANY);
        SubscriptionIndex index = SubscriptionIndex.build(List.of(everything));

        assertThat(index.candidates(new PricePointId("openai", "gpt-4o", "output", "batch"))).containsExactly(everything);
    }

    /** Half the parts left out (null), so "any" buckets at every level are exercised. */
    private static String pick(Random random, List<String> values) {
        return random.nextBoolean() ? null : values.get(random.nextInt(values.size()));
    }

    private static Subscription subscription(PointTarget target) {
        return Subscription.create("owner", URI.create("https://hooks.example.test/x"), new AlertCondition.AnyDrop(),
                target, Duration.ZERO, Instant.parse("2024-05-01T00:00:00Z"));
    }
}
