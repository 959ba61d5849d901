package io.pricewar.alert.delivery;

import io.pricewar.alert.rules.AlertCondition;
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
import java.time.LocalDate;
import java.util.List;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;

class EmailMessageTest {

    final JsonMapper json = JsonMapper.builder().build();
    final Subscription subscription = Subscription.create("owner-1", URI.create("mailto:ops@example.com"),
            new AlertCondition.AnyDrop(), PointTarget.ANY, Duration.ZERO, Instant.parse("2024-05-01T00:00:00Z"));

    @Test
    void namesThePointBothPricesWithCurrencyAndUnitAndTheEvent() {
        PriceListed listed = listed(doubaoInput("doubao-pro-32k"), cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        EmailMessage mail = message(Notification.of(subscription, drop, new AlertCondition.AnyDrop().judge(drop, FxRates.NONE).orElseThrow()));

        assertThat(mail.subject()).startsWith("[PriceWar] ").contains(drop.pointId().toString(),
                "0.0050 CNY PER_1K_TOKENS (5 per 1M tokens) -> 0.0008 CNY PER_1K_TOKENS (0.8 per 1M tokens)");
        assertThat(mail.body()).contains("Old price: 0.0050 CNY PER_1K_TOKENS", "New price: 0.0008 CNY PER_1K_TOKENS",
                "Event: " + drop.eventId(), "Subscription: " + subscription.id());
    }

    @Test
    void aListingHasNoOldPrice() {
        PriceListed listed = listed(doubaoInput("doubao-pro-32k"), cnyPer1K("0.0050"));

        EmailMessage mail = message(Notification.of(subscription, listed, new AlertCondition.NewListing().judge(listed, FxRates.NONE).orElseThrow()));

        assertThat(mail.body()).contains("Old price: none", "New price: 0.0050 CNY PER_1K_TOKENS");
    }

    @Test
    void aTestNotificationSaysSo() {
        EmailMessage mail = message(Notification.test(subscription, "test-1", Instant.now()));

        assertThat(mail.subject()).isEqualTo("[PriceWar] TEST a test notification");
        assertThat(mail.body()).contains("Event: test-1");
    }

    @Test
    void aDailyDigestListsEveryNotificationWithItsPricesAndEvent() {
        PriceListed listed = listed(doubaoInput("doubao-pro-32k"), cnyPer1K("0.0050"));
        PriceChanged first = changed(listed, cnyPer1K("0.0030"));
        PriceChanged second = changed(first, cnyPer1K("0.0008"));
        DailyDigest digest = DailyDigest.of(subscription.id(), LocalDate.of(2024, 5, 15), "Asia/Shanghai",
                Instant.parse("2024-05-15T00:00:00Z"), Instant.parse("2024-05-16T00:00:00Z"),
                List.of(tree(drop(first)), tree(drop(second))));

        EmailMessage mail = EmailMessage.of(tree(digest));

        assertThat(mail.subject()).isEqualTo("[PriceWar] Daily digest of 2024-05-15 (Asia/Shanghai): 2 notifications");
        assertThat(mail.body()).contains(
                "- ANY_DROP " + first.pointId() + ": 0.0050 CNY PER_1K_TOKENS (5 per 1M tokens) -> 0.0030 CNY "
                        + "PER_1K_TOKENS (3 per 1M tokens) (event " + first.eventId() + ")",
                "-> 0.0008 CNY PER_1K_TOKENS (0.8 per 1M tokens) (event " + second.eventId() + ")",
                "Subscription: " + subscription.id());
    }

    private Notification drop(PriceChanged change) {
        return Notification.of(subscription, change, new AlertCondition.AnyDrop().judge(change, FxRates.NONE).orElseThrow());
    }

    private JsonNode tree(Object payload) {
        return json.readTree(json.writeValueAsString(payload));
    }

    private EmailMessage message(Notification notification) {
        return EmailMessage.of(json.readTree(json.writeValueAsString(notification)));
    }
}
