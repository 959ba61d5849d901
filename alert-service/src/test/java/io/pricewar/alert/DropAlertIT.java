package io.pricewar.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path: a subscription made over HTTP, events on the real topic, notifications at a
 * real webhook. Each test works on a point (and a hook) of its own, so tests do not see each
 * other's events. Where a test expects nothing, it publishes a later drop on the same point as a
 * marker: one point is one partition, read in order, so once the marker is delivered everything
 * before it has been matched.
 */
class DropAlertIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static WebhookReceiver receiver;
    static String apiKey;
    static KafkaProducer<String, byte[]> producer;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        receiver.close();
    }

    @Test
    void notifiesADropOnceWithTheOldAndNewPrice() {
        PricePointId point = doubaoInput("doubao-pro-32k");
        subscribe("pro-32k", point);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        publish(listed, drop);

        JsonNode notification = awaitNotifications("pro-32k", 1).getFirst();
        assertThat(notification.get("eventId").asString()).isEqualTo(drop.eventId());
        assertThat(notification.get("pointId").asString()).isEqualTo(point.toString());
        assertThat(notification.get("oldPrice").get("amount").asString()).isEqualTo("0.0050");
        assertThat(notification.get("newPrice").get("amount").asString()).isEqualTo("0.0008");
        assertThat(notification.get("newPrice").get("per1M").asString()).isEqualTo("0.8");
    }

    @Test
    void aRepublishedDropIsNotNotifiedAgain() {
        PricePointId point = doubaoInput("doubao-lite-4k");
        subscribe("lite-4k", point);
        PriceListed listed = listed(point, cnyPer1K("0.0030"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0003"));
        PriceChanged marker = changed(drop, cnyPer1K("0.0002"));

        publish(listed, drop, drop, marker);

        awaitNotifications("lite-4k", 2);
        assertThat(receiver.receivedEventIds("lite-4k")).containsExactly(drop.eventId(), marker.eventId());
    }

    @Test
    void aRiseIsNotNotified() {
        PricePointId point = doubaoInput("doubao-pro-128k");
        subscribe("pro-128k", point);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged rise = changed(listed, cnyPer1K("0.0090"));
        PriceChanged marker = changed(rise, cnyPer1K("0.0040"));

        publish(listed, rise, marker);

        awaitNotifications("pro-128k", 1);
        assertThat(receiver.receivedEventIds("pro-128k")).containsExactly(marker.eventId());
    }

    @Test
    void aDropAppendedBeforeTheSubscriptionIsNotNotified() {
        PricePointId point = doubaoInput("doubao-pro-4k");
        PriceListed listed = listed(point, cnyPer1K("0.0010"));
        PriceChanged earlierDrop = changed(listed, cnyPer1K("0.0008"));
        publish(listed, earlierDrop);
        PriceChanged marker = changed(earlierDrop, cnyPer1K("0.0006"));

        subscribe("pro-4k", point);
        publish(marker);

        awaitNotifications("pro-4k", 1);
        assertThat(receiver.receivedEventIds("pro-4k")).containsExactly(marker.eventId());
    }

    @Test
    void aReceiverThatFailsOnceIsRetriedAndTheDeliveryRecordedWithTwoAttempts() {
        PricePointId point = doubaoInput("doubao-lite-32k");
        String subscriptionId = subscribe("lite-32k", point);
        receiver.failNext("lite-32k", 1);
        PriceListed listed = listed(point, cnyPer1K("0.0003"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0002"));

        publish(listed, drop);

        awaitNotifications("lite-32k", 1);
        await().atMost(PATIENCE).untilAsserted(() -> web.get()
                .uri("/api/v1/subscriptions/{id}/deliveries", subscriptionId)
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].eventId").isEqualTo(drop.eventId())
                .jsonPath("$[0].status").isEqualTo("DELIVERED")
                .jsonPath("$[0].attempts").isEqualTo(2)
                .jsonPath("$[0].deliveredAt").isNotEmpty());
    }

    @Test
    void aReceiverThatKeepsFailingIsDeadLetteredWithTheReasonAfterTheLastAttempt() {
        PricePointId point = doubaoInput("doubao-pro-8k");
        String subscriptionId = subscribe("pro-8k", point);
        receiver.failNext("pro-8k", Integer.MAX_VALUE);
        PriceListed listed = listed(point, cnyPer1K("0.0020"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0010"));

        publish(listed, drop);

        await().atMost(PATIENCE).untilAsserted(() -> web.get()
                .uri("/api/v1/subscriptions/{id}/deliveries", subscriptionId)
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$[0].attempts").isEqualTo(4)
                .jsonPath("$[0].lastStatus").isEqualTo(500)
                .jsonPath("$[0].failureReason").isEqualTo("gave up after 4 attempts; last: webhook answered HTTP 500"));
        assertThat(receiver.received("pro-8k")).isEmpty();
    }

    @Test
    void anUnreadableRecordIsCountedAndSkipped() {
        PricePointId point = doubaoInput("doubao-pro-256k");
        subscribe("pro-256k", point);
        double before = unreadableCount();
        PriceListed listed = listed(point, cnyPer1K("0.0090"));
        PriceChanged marker = changed(listed, cnyPer1K("0.0050"));

        send(point.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        publish(listed, marker);

        awaitNotifications("pro-256k", 1);
        assertThat(unreadableCount()).isGreaterThan(before);
    }

    /** One owner for the class, issued lazily because issuing needs the running service. */
    private String apiKey() {
        if (apiKey == null) {
            apiKey = issueKey("drop-alert-it");
        }
        return apiKey;
    }

    private double unreadableCount() {
        var counter = meters.find("alert.events.unreadable").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<JsonNode> awaitNotifications(String hook, int count) {
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() >= count);
        return receiver.received(hook);
    }

    private String subscribe(String hook, PricePointId point) {
        String body = """
                {"webhookUrl": "%s", "rule": "ANY_DROP",
                 "target": {"vendor": "%s", "model": "%s", "meter": "%s", "tier": "%s"}}"""
                .formatted(receiver.url(hook), point.vendor(), point.model(), point.meter(), point.tier());
        return web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    private static void publish(PriceEvent... events) {
        for (PriceEvent event : events) {
            send(event.pointId().toString(), PriceEventJson.write(event));
        }
    }

    private static void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + Topics.PRICE_EVENTS, e.getCause());
        }
    }
}
