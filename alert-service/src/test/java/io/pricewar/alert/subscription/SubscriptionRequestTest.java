package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.AddressPolicy;
import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionRequestTest {

    static final DestinationGuard GUARD = new DestinationGuard(false, AddressPolicy.strict());
    static final FxRates FX = new FxRates(List.of(new FxRates.Table(LocalDate.parse("2024-05-01"),
            Map.of(Currency.getInstance("CNY"), new BigDecimal("7.24")))));

    @Test
    void namesEveryBadFieldAtOnce() {
        SubscriptionRequest request = new SubscriptionRequest("ftp://example.test/hook", "ANY_RISE", null,
                new SubscriptionRequest.Target("DeepSeek", null, "in put", null), "an hour");

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::field)
                .containsExactly("webhookUrl", "rule", "target.vendor", "target.meter", "cooldown");
    }

    @Test
    void refusesAPlainHttpWebhookWhereOnlyHttpsIsAllowed() {
        SubscriptionRequest request = new SubscriptionRequest("http://example.test/hook", "ANY_DROP", null, null, null);

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::message).singleElement()
                .asString().contains("https");
    }

    @Test
    void aTargetLeftOutMatchesEveryPoint() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "ANY_DROP", null, null, null);

        assertThat(request.problems(GUARD, FX)).isEmpty();
        assertThat(request.toSubscription("owner-1", Instant.now()).target()).isEqualTo(PointTarget.ANY);
    }

    @Test
    void keepsTheCreationInstantToTheMillisecondMongoDbStores() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "ANY_DROP", null, null, null);

        Subscription subscription = request.toSubscription("owner-1", Instant.parse("2024-05-15T08:00:00.123456789Z"));

        assertThat(subscription.createdAt()).isEqualTo(Instant.parse("2024-05-15T08:00:00.123Z"));
    }

    @Test
    void namesEachBadParameterOfACondition() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", null,
                new ConditionText("AT_OR_BELOW", null, "-1", "XYZ", null, null), null, null);

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::field)
                .containsExactly("condition.per1M", "condition.currency");
    }

    @Test
    void refusesAThresholdInACurrencyWithoutAConfiguredRate() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", null,
                new ConditionText("AT_OR_BELOW", null, "1", "JPY", null, null), null, null);

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::message).singleElement().asString()
                .contains("exchange rate");
    }

    @Test
    void aBlendedRuleNeedsAMixAndNoMeter() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", null,
                new ConditionText("BLENDED_DROP", null, null, null, null, null),
                new SubscriptionRequest.Target(null, "qwen-*", "input", null), null);

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::field)
                .containsExactly("condition.mix", "target.meter");
    }

    @Test
    void aRuleThatTakesParametersIsNotAcceptedAsAPlainRule() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "DROP_AT_LEAST", null,
                null, null);

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::message).singleElement().asString()
                .contains("give it as a condition");
    }

    @Test
    void readsAParameterisedConditionExactly() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", null,
                new ConditionText("DROP_AT_LEAST", "12.5", null, null, null, null), null, "PT1H");

        assertThat(request.problems(GUARD, FX)).isEmpty();
        Subscription subscription = request.toSubscription("owner-1", Instant.now());
        assertThat(subscription.condition()).isEqualTo(new AlertCondition.DropAtLeast(new BigDecimal("12.5")));
        assertThat(subscription.cooldown()).hasHours(1);
    }

    @Test
    void anEmailToStandsInsteadOfAWebhookAndBecomesAMailtoEndpoint() {
        SubscriptionRequest request = new SubscriptionRequest(null, "ANY_DROP", null, null, null, "ops@example.com");

        assertThat(request.problems(GUARD, FX)).isEmpty();
        Subscription subscription = request.toSubscription("owner-1", Instant.now());
        assertThat(subscription.webhookUrl()).hasToString("mailto:ops@example.com");
        assertThat(subscription.emailTo()).isEqualTo("ops@example.com");
    }

    @Test
    void refusesAnEmailToThatIsNotOneBareAddress() {
        for (String bad : List.of("ops", "ops@", "@example.com", "Ops <ops@example.com>", "a@example.com, b@example.com",
                "ops@example.com?subject=x")) {
            SubscriptionRequest request = new SubscriptionRequest(null, "ANY_DROP", null, null, null, bad);

            assertThat(request.problems(GUARD, FX)).as(bad).extracting(FieldProblem::field).containsExactly("emailTo");
        }
    }

    @Test
    void refusesAWebhookAndAnEmailToTogether() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "ANY_DROP", null, null, null,
                "ops@example.com");

        assertThat(request.problems(GUARD, FX)).extracting(FieldProblem::message).singleElement()
                .asString().contains("not both");
    }

    @Test
    void aPatchWithAWebhookMovesAnEmailSubscriptionToTheWebhook() {
        Subscription byEmail = new SubscriptionRequest(null, "ANY_DROP", null, null, null, "ops@example.com")
                .toSubscription("owner-1", Instant.now());

        SubscriptionRequest patch = new SubscriptionRequest("https://example.test/hook", null, null, null, null)
                .over(byEmail);

        assertThat(patch.problems(GUARD, FX)).isEmpty();
        assertThat(patch.applyTo(byEmail).emailTo()).isNull();
        assertThat(new SubscriptionRequest(null, null, null, null, "PT1H").over(byEmail).applyTo(byEmail).emailTo())
                .isEqualTo("ops@example.com");
    }
}
