package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.AddressPolicy;
import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionRequestTest {

    static final DestinationGuard GUARD = new DestinationGuard(false, AddressPolicy.strict());

    @Test
    void namesEveryBadFieldAtOnce() {
        SubscriptionRequest request = new SubscriptionRequest("ftp://example.test/hook", "ANY_RISE",
                new SubscriptionRequest.Target("DeepSeek", null, "in put", null));

        assertThat(request.problems(GUARD)).extracting(FieldProblem::field)
                .containsExactly("webhookUrl", "rule", "target.vendor", "target.meter");
    }

    @Test
    void refusesAPlainHttpWebhookWhereOnlyHttpsIsAllowed() {
        SubscriptionRequest request = new SubscriptionRequest("http://example.test/hook", "ANY_DROP", null);

        assertThat(request.problems(GUARD)).extracting(FieldProblem::message).singleElement()
                .asString().contains("https");
    }

    @Test
    void aTargetLeftOutMatchesEveryPoint() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "ANY_DROP", null);

        assertThat(request.problems(GUARD)).isEmpty();
        assertThat(request.toSubscription("owner-1", Instant.now()).target()).isEqualTo(PointTarget.ANY);
    }

    @Test
    void keepsTheCreationInstantToTheMillisecondMongoDbStores() {
        SubscriptionRequest request = new SubscriptionRequest("https://example.test/hook", "ANY_DROP", null);

        Subscription subscription = request.toSubscription("owner-1", Instant.parse("2024-05-15T08:00:00.123456789Z"));

        assertThat(subscription.createdAt()).isEqualTo(Instant.parse("2024-05-15T08:00:00.123Z"));
    }
}
