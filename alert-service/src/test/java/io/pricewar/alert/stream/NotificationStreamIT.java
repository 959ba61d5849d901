package io.pricewar.alert.stream;

import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.delivery.Delivery;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live streams: an owner sees its own notifications as they are recorded, and nobody else's. */
class NotificationStreamIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    static final JsonMapper JSON = JsonMapper.builder().build();

    static TopicPublisher topic;
    static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        topic = TopicPublisher.on(KAFKA);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        topic.close();
        receiver.close();
    }

    @Test
    void aDropArrivesOnItsOwnersStreamAndNotOnAnotherOwners() {
        String ownerA = issueKey("stream-a");
        String ownerB = issueKey("stream-b");
        PricePointId point = doubaoInput("doubao-stream-32k");
        String subscriptionA = subscribe(ownerA, "stream-a", point);
        String subscriptionB = subscribe(ownerB, "stream-b", point);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0010"));
        List<ServerSentEvent<String>> seenByB = new CopyOnWriteArrayList<>();
        Disposable streamB = stream(ownerB).subscribe(seenByB::add);

        try {
            await().atMost(PATIENCE).until(() -> !seenByB.isEmpty());
            StepVerifier.create(stream(ownerA))
                    .expectNextMatches(NotificationStreamIT::isHeartbeat)
                    .then(() -> topic.publish(listed, drop))
                    .thenConsumeWhile(NotificationStreamIT::isHeartbeat)
                    .assertNext(event -> {
                        assertThat(event.id()).isEqualTo(Delivery.idOf(subscriptionA, drop.eventId()));
                        assertThat(event.event()).isEqualTo(NotificationStreams.EVENT_NAME);
                        JsonNode notification = JSON.readTree(event.data());
                        assertThat(notification.get("eventId").asString()).isEqualTo(drop.eventId());
                        assertThat(notification.get("subscriptionId").asString()).isEqualTo(subscriptionA);
                        assertThat(notification.get("newPrice").get("amount").asString()).isEqualTo("0.0010");
                    })
                    .thenCancel()
                    .verify(PATIENCE);

            // B's own notification of the same event arrives; A's never does.
            await().atMost(PATIENCE).until(() -> notifications(seenByB).size() == 1);
            assertThat(notifications(seenByB)).extracting(ServerSentEvent::id)
                    .containsExactly(Delivery.idOf(subscriptionB, drop.eventId()));
        } finally {
            streamB.dispose();
        }
    }

    @Test
    void anIdleStreamSendsHeartbeats() {
        StepVerifier.create(stream(issueKey("stream-idle")).take(2))
                .expectNextMatches(NotificationStreamIT::isHeartbeat)
                .expectNextMatches(NotificationStreamIT::isHeartbeat)
                .verifyComplete();
    }

    @Test
    void aStreamWithoutAnApiKeyIsRefusedWithAProblem() {
        web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("Authorization: Bearer"));
    }

    private Flux<ServerSentEvent<String>> stream(String apiKey) {
        return web.get().uri("/api/v1/stream")
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE)
                .getResponseBody();
    }

    private static boolean isHeartbeat(ServerSentEvent<String> event) {
        return NotificationStreams.HEARTBEAT.equals(event.comment()) && event.data() == null;
    }

    private static List<ServerSentEvent<String>> notifications(List<ServerSentEvent<String>> events) {
        return events.stream().filter(e -> !isHeartbeat(e)).toList();
    }

    private String subscribe(String apiKey, String hook, PricePointId point) {
        String body = """
                {"webhookUrl": "%s", "rule": "ANY_DROP",
                 "target": {"vendor": "%s", "model": "%s", "meter": "%s", "tier": "%s"}}"""
                .formatted(receiver.url(hook), point.vendor(), point.model(), point.meter(), point.tier());
        return web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }
}
