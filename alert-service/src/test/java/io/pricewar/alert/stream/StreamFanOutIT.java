package io.pricewar.alert.stream;

import io.pricewar.alert.AlertApplication;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.delivery.Delivery;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one broker and database; only the first consumes the topic, so every
 * notification is recorded there. An owner's stream on the second carries it too, once, as does
 * its stream on the first.
 */
class StreamFanOutIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    final TopicPublisher topic = TopicPublisher.on(KAFKA);
    final WebhookReceiver receiver = WebhookReceiver.start();
    ConfigurableApplicationContext second;
    @LocalServerPort
    int port;
    final List<Disposable> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        streams.forEach(Disposable::dispose);
        if (second != null) {
            second.close();
        }
        topic.close();
        receiver.close();
    }

    @Test
    void anOwnerConnectedToTheOtherReplicaReceivesTheNotificationExactlyOnce() {
        second = startSecondReplica();
        String key = issueKey("fan-out");
        PricePointId point = doubaoInput("doubao-fan-out");
        String subscription = subscribe(key, point);
        List<ServerSentEvent<String>> onFirst = open(WebClient.create(baseUrl(port)), key);
        List<ServerSentEvent<String>> onSecond = open(WebClient.create(baseUrl(second)), key);
        await().atMost(PATIENCE).until(() -> !onFirst.isEmpty() && !onSecond.isEmpty());
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0010"));

        topic.publish(listed, drop);

        String deliveryId = Delivery.idOf(subscription, drop.eventId());
        await().atMost(PATIENCE).until(() -> notifications(onSecond).size() == 1 && notifications(onFirst).size() == 1);
        // Several polls later (each reads back over the last ten seconds), still once on each.
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE)
                .until(() -> notifications(onSecond).size() == 1 && notifications(onFirst).size() == 1);
        assertThat(notifications(onSecond)).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(deliveryId);
            assertThat(event.event()).isEqualTo(NotificationStreams.EVENT_NAME);
            assertThat(event.data()).contains(drop.eventId(), "\"amount\":\"0.0010\"");
        });
        assertThat(notifications(onFirst)).extracting(ServerSentEvent::id).containsExactly(deliveryId);
    }

    private List<ServerSentEvent<String>> open(WebClient client, String key) {
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        Flux<ServerSentEvent<String>> stream = client.get().uri("/api/v1/stream")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE);
        streams.add(stream.subscribe(seen::add));
        return seen;
    }

    private static List<ServerSentEvent<String>> notifications(List<ServerSentEvent<String>> events) {
        return events.stream().filter(e -> e.data() != null).toList();
    }

    private String subscribe(String key, PricePointId point) {
        return web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "%s"}}"""
                        .formatted(receiver.url("fan-out"), point.model()))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return baseUrl(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** Shares the database and the broker; does not consume the topic, so records nothing itself. */
    private static ConfigurableApplicationContext startSecondReplica() {
        return AlertApplication.builder().run(secondReplicaArgs("fan-out-admin",
                "--pricewar.alert.delivery.sweep-interval=1h",
                "--pricewar.alert.rules.check-interval=1h"));
    }
}
