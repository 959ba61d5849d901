package io.pricewar.alert.delivery;

import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.alert.subscription.SubscriptionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliverySweeperIT extends AlertIntegrationTest {

    final WebhookReceiver receiver = WebhookReceiver.start();

    @Autowired
    DeliveryOutbox outbox;

    @Autowired
    SubscriptionRepository subscriptions;

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void resendsAPendingDeliveryWhoseSenderDiedBeforeSending() {
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(10));
        Subscription subscription = subscriptions.insert(Subscription.create("owner-crash",
                URI.create(receiver.url("crash")), new AlertCondition.AnyDrop(), PointTarget.ANY, Duration.ZERO, crashedAt)).block();
        Delivery orphan = new Delivery(Delivery.idOf(subscription.id(), "event-crash"), subscription.id(),
                "event-crash", URI.create(receiver.url("crash")), "{\"eventId\":\"event-crash\"}",
                DeliveryStatus.PENDING, 0, crashedAt, crashedAt.plus(Duration.ofMinutes(2)), null, null, null);
        outbox.insertIfAbsent(orphan).block();

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("crash").size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(outbox.findById(orphan.id()).block())
                        .extracting(Delivery::status, Delivery::attempts)
                        .containsExactly(DeliveryStatus.DELIVERED, 1));
        assertThat(receiver.receivedEventIds("crash")).containsExactly("event-crash");
    }

    @Test
    void cancelsAnOrphanedDeliveryWhoseSubscriptionWasDeleted() {
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(10));
        Delivery orphan = new Delivery(Delivery.idOf("sub-deleted", "event-x"), "sub-deleted", "event-x",
                URI.create(receiver.url("deleted")), "{}", DeliveryStatus.PENDING, 0, crashedAt,
                crashedAt.plus(Duration.ofMinutes(2)), null, null, null);
        outbox.insertIfAbsent(orphan).block();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(outbox.findById(orphan.id()).block().status()).isEqualTo(DeliveryStatus.CANCELLED));
        assertThat(receiver.requests("deleted")).isEmpty();
    }

    @Test
    void leavesAPendingDeliveryAloneWhileItsSenderStillHoldsTheLease() {
        Instant now = Instant.now();
        Delivery inFlight = new Delivery(Delivery.idOf("sub-busy", "event-busy"), "sub-busy", "event-busy",
                URI.create(receiver.url("busy")), "{}", DeliveryStatus.PENDING, 0, now,
                now.plus(Duration.ofMinutes(2)), null, null, null);
        outbox.insertIfAbsent(inFlight).block();

        assertThat(outbox.claimDue(Instant.now(), Instant.now().plus(Duration.ofMinutes(2)), 100)
                .map(Delivery::id).collectList().block()).doesNotContain(inFlight.id());
    }
}
