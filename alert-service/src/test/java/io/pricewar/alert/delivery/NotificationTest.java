package io.pricewar.alert.delivery;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.Firing;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    final JsonMapper json = JsonMapper.builder().build();
    final Subscription subscription = Subscription.create("owner-1", URI.create("https://hooks.example.test/p"),
            new AlertCondition.AnyDrop(), PointTarget.ANY, Duration.ZERO,
            Instant.parse("2024-05-01T00:00:00Z"));
    final PriceListed listed = listed(doubaoInput("doubao-pro-32k"), cnyPer1K("0.0050"));
    final PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

    @Test
    void carriesTheEventThePointAndBothPricesAsExactDecimalStrings() {
        JsonNode sent = json.readTree(json.writeValueAsString(Notification.of(subscription, drop, fired(drop))));

        assertThat(sent.get("eventId").asString()).isEqualTo(drop.eventId());
        assertThat(sent.get("subscriptionId").asString()).isEqualTo(subscription.id());
        assertThat(sent.get("pointId").asString()).isEqualTo("volcengine:doubao-pro-32k:input:standard");
        assertThat(sent.get("model").asString()).isEqualTo("doubao-pro-32k");
        assertThat(sent.get("oldPrice").get("amount").isString()).isTrue();
        assertThat(sent.get("oldPrice").get("amount").asString()).isEqualTo("0.0050");
        assertThat(sent.get("oldPrice").get("per1M").asString()).isEqualTo("5");
        assertThat(sent.get("newPrice").get("amount").asString()).isEqualTo("0.0008");
        assertThat(sent.get("newPrice").get("per1M").asString()).isEqualTo("0.8");
        assertThat(sent.get("newPrice").get("currency").asString()).isEqualTo("CNY");
        assertThat(sent.get("newPrice").get("unit").asString()).isEqualTo("PER_1K_TOKENS");
        assertThat(sent.get("observedAt").asString()).isEqualTo(drop.observedAt().toString());
        assertThat(sent.get("kind").asString()).isEqualTo("ANY_DROP");
        assertThat(sent.get("dropPercent").asString()).isEqualTo("84.00");
        assertThat(sent.has("blended")).isFalse();
    }

    private static Firing fired(PriceChanged change) {
        return new AlertCondition.AnyDrop().judge(change, FxRates.NONE).orElseThrow();
    }

    @Test
    void aListingHasNoOldPrice() {
        Notification notification = Notification.of(subscription, listed, new AlertCondition.NewListing().judge(listed, FxRates.NONE).orElseThrow());

        assertThat(notification.oldPrice()).isNull();
        assertThat(notification.newPrice().amount()).isEqualTo("0.0050");
    }
}
