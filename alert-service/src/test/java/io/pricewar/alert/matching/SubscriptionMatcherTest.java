package io.pricewar.alert.matching;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.rules.TokenMix;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PriceUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionMatcherTest {

    static final Instant CREATED = Instant.parse("2024-05-14T00:00:00Z");
    static final Instant APPENDED_LATER = CREATED.plus(Duration.ofDays(1));

    final PriceListed pro32kListed = listed(doubaoInput("doubao-pro-32k"), cnyPer1K("0.0050"));
    final PriceChanged pro32kDrop = changed(pro32kListed, cnyPer1K("0.0008"));

    @Test
    void anyDropFiresOnADropOfAnyPoint() {
        Subscription anyPoint = subscription(PointTarget.ANY);

        assertThat(triggered(pro32kDrop, APPENDED_LATER, anyPoint)).containsExactly(anyPoint);
    }

    @Test
    void anyDropStaysSilentOnARise() {
        PriceChanged rise = changed(pro32kListed, cnyPer1K("0.0060"));

        assertThat(triggered(rise, APPENDED_LATER, subscription(PointTarget.ANY))).isEmpty();
    }

    @Test
    void anyDropStaysSilentOnAListing() {
        assertThat(triggered(pro32kListed, APPENDED_LATER, subscription(PointTarget.ANY))).isEmpty();
    }

    @Test
    void newListingFiresOnAListingAndOnNothingElse() {
        Subscription listings = Subscription.create("owner-1", URI.create("https://hooks.example.test/prices"),
                new AlertCondition.NewListing(), PointTarget.ANY, Duration.ZERO, CREATED);

        assertThat(triggered(pro32kListed, APPENDED_LATER, listings)).containsExactly(listings);
        assertThat(triggered(pro32kDrop, APPENDED_LATER, listings)).isEmpty();
    }

    @Test
    void anyDropStaysSilentWhenOnlyTheCurrencyChanged() {
        PriceChanged toUsd = changed(pro32kListed, Price.of("0.0001", "USD", PriceUnit.PER_1K_TOKENS));

        assertThat(triggered(toUsd, APPENDED_LATER, subscription(PointTarget.ANY))).isEmpty();
    }

    @Test
    void becomingFreeIsADrop() {
        PriceChanged free = changed(pro32kListed, cnyPer1K("0"));

        assertThat(triggered(free, APPENDED_LATER, subscription(PointTarget.ANY))).hasSize(1);
    }

    @Test
    void aBlendedRuleNeverFiresOnOneEventButAsksForItsModelToBeJudged() {
        Subscription blended = Subscription.create("owner-1", URI.create("https://hooks.example.test/prices"),
                new AlertCondition.BlendedDrop(new TokenMix(BigDecimal.ONE, BigDecimal.ONE, null), true),
                PointTarget.ANY, Duration.ZERO, CREATED);

        SubscriptionMatcher.Outcome outcome = SubscriptionMatcher.scan(pro32kDrop, APPENDED_LATER, List.of(blended),
                FxRates.NONE);

        assertThat(outcome.fired()).isEmpty();
        assertThat(outcome.needsModelCheck()).isTrue();
    }

    @Test
    void targetKeepsOnlyTheSubscriptionsWhosePartsAllMatchThePoint() {
        Subscription sameVendor = subscription(new PointTarget("volcengine", null, null, null));
        Subscription sameModelAndMeter = subscription(new PointTarget(null, "doubao-pro-32k", "input", null));
        Subscription modelGlob = subscription(new PointTarget(null, "doubao-*-32k", null, null));
        Subscription otherVendor = subscription(new PointTarget("deepseek", null, null, null));
        Subscription otherModel = subscription(new PointTarget("volcengine", "doubao-pro-128k", null, null));
        Subscription otherGlob = subscription(new PointTarget("volcengine", "doubao-lite-*", null, null));
        Subscription otherMeter = subscription(new PointTarget(null, null, "output", null));
        Subscription otherTier = subscription(new PointTarget(null, null, null, "batch"));

        assertThat(SubscriptionMatcher.scan(pro32kDrop, APPENDED_LATER,
                List.of(sameVendor, sameModelAndMeter, modelGlob, otherVendor, otherModel, otherGlob, otherMeter,
                        otherTier), FxRates.NONE).matches())
                .extracting(SubscriptionMatcher.Match::subscription)
                .containsExactly(sameVendor, sameModelAndMeter, modelGlob);
    }

    @Test
    void aSubscriptionDoesNotHearOfEventsAppendedBeforeItWasCreated() {
        Subscription subscription = subscription(PointTarget.ANY);

        assertThat(triggered(pro32kDrop, CREATED.minusMillis(1), subscription)).isEmpty();
    }

    @Test
    void aSubscriptionHearsOfEventsAppendedFromTheInstantItWasCreated() {
        Subscription subscription = subscription(PointTarget.ANY);

        assertThat(triggered(pro32kDrop, CREATED, subscription)).containsExactly(subscription);
    }

    @Test
    void theCreatedAfterRuleUsesTheAppendInstantNotWhenThePriceWasObserved() {
        Subscription createdAfterObservation = subscription(PointTarget.ANY);
        assertThat(pro32kDrop.observedAt()).isAfter(CREATED);

        assertThat(triggered(pro32kDrop, CREATED.minusSeconds(1), createdAfterObservation)).isEmpty();
    }

    @Test
    void judgingTheIndexFiresExactlyWhatAScanFires() {
        List<AlertCondition> conditions = List.of(new AlertCondition.AnyDrop(),
                new AlertCondition.DropAtLeast(new BigDecimal("50")), new AlertCondition.DropAtLeast(new BigDecimal("90")),
                new AlertCondition.NewListing(), new AlertCondition.BecameFree(),
                new AlertCondition.BlendedDrop(new TokenMix(BigDecimal.ONE, BigDecimal.ONE, null), true));
        List<PointTarget> targets = List.of(PointTarget.ANY, new PointTarget("volcengine", null, null, null),
                new PointTarget("volcengine", "doubao-*", "input", null), new PointTarget(null, "doubao-pro-32k", null, null),
                new PointTarget("volcengine", "doubao-pro-128k", null, null), new PointTarget(null, null, "output", null));
        Random random = new Random(11);
        List<Subscription> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Subscription s = Subscription.create("owner-" + i, URI.create("https://hooks.example.test/" + i),
                    conditions.get(random.nextInt(conditions.size())), targets.get(random.nextInt(targets.size())),
                    Duration.ZERO, CREATED.plusSeconds(random.nextInt(7_200) - 3_600));
            all.add(random.nextInt(20) == 0 ? new Subscription(s.id(), s.ownerId(), s.webhookUrl(), s.condition(),
                    s.target(), s.cooldown(), s.createdAt(), s.signingSecret(), "410 Gone", s.version()) : s);
        }
        SubscriptionIndex index = SubscriptionIndex.build(all);

        for (PriceEvent event : List.of(pro32kDrop, pro32kListed, changed(pro32kListed, cnyPer1K("0")))) {
            for (Instant appendedAt : List.of(CREATED.minusSeconds(4_000), CREATED, CREATED.plusSeconds(4_000))) {
                SubscriptionMatcher.Outcome indexed = SubscriptionMatcher.judge(event, appendedAt, index, FxRates.NONE);
                SubscriptionMatcher.Outcome scanned = SubscriptionMatcher.scan(event, appendedAt, all, FxRates.NONE);

                assertThat(indexed.matches()).as(event.getClass().getSimpleName() + " at " + appendedAt)
                        .containsExactlyInAnyOrderElementsOf(scanned.matches());
                assertThat(indexed.needsModelCheck()).isEqualTo(scanned.needsModelCheck());
            }
        }
    }

    @Test
    void thousandsWantingTheSameThingFireAsOneGroupJudgedOnce() {
        List<Subscription> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(subscription(PointTarget.ANY));
        }
        SubscriptionIndex index = SubscriptionIndex.build(all);

        SubscriptionMatcher.Outcome outcome = SubscriptionMatcher.judge(pro32kDrop, APPENDED_LATER, index, FxRates.NONE);

        assertThat(outcome.fired()).hasSize(1);
        assertThat(outcome.count()).isEqualTo(2_000);
        assertThat(outcome.fired().getFirst().subscriptions()).containsExactlyInAnyOrderElementsOf(all);
    }

    private static List<Subscription> triggered(PriceEvent event, Instant appendedAt, Subscription subscription) {
        return SubscriptionMatcher.scan(event, appendedAt, List.of(subscription), FxRates.NONE).matches().stream()
                .map(SubscriptionMatcher.Match::subscription).toList();
    }

    private static Subscription subscription(PointTarget target) {
        return Subscription.create("owner-1", URI.create("https://hooks.example.test/prices"),
                new AlertCondition.AnyDrop(), target, Duration.ZERO, CREATED);
    }
}
