package io.pricewar.alert;

import io.pricewar.alert.WebhookReceiver.Answer;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert service stopped in the middle of a webhook call and started again, as its own
 * application (not the shared test context), on a database and consumer group of its own.
 */
class AlertRestartIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String GRACEFUL = "alert-graceful";
    static final String SWEPT = "alert-swept";

    final WebhookReceiver receiver = WebhookReceiver.start();
    final TopicPublisher topic = TopicPublisher.on(AlertIntegrationTest.KAFKA);
    final HttpClient http = HttpClient.newHttpClient();
    ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        topic.close();
        receiver.close();
    }

    @Test
    void aDeliveryCutOffMidSendCompletesAfterARestartAndIsNotSentAgainAfterItsSuccess() throws Exception {
        running = startAlertService();
        String key = issueKey(running);
        PricePointId point = doubaoInput("doubao-restart");
        subscribe(running, key, point, "restart");
        CountDownLatch release = new CountDownLatch(1);
        receiver.script("restart", Answer.hangUntil(release));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, drop);
        await().atMost(PATIENCE).until(() -> receiver.requests("restart").size() == 1);
        running.close();
        release.countDown();
        running = startAlertService();

        await().atMost(PATIENCE).until(() -> receiver.received("restart").size() == 1);
        await().during(Duration.ofSeconds(4)).atMost(PATIENCE).until(() -> receiver.requests("restart").size() == 2);
        assertThat(receiver.requests("restart")).extracting(r -> r.header("webhook-id")).doesNotContainNull()
                .containsOnly(receiver.requests("restart").getFirst().header("webhook-id"));
        assertThat(receiver.receivedEventIds("restart")).containsExactly(drop.eventId());
    }

    /**
     * A service stopped while a receiver is still answering waits for the answer and records it:
     * the delivery is DELIVERED when the close returns, so no sweeper sends it a second time once
     * its lease runs out.
     */
    @Test
    void aDeliveryInFlightWhenTheServiceStopsIsFinishedAndRecordedBeforeItGoes() throws Exception {
        Document delivery = closedWhileAnswering(GRACEFUL, Answer.late(Duration.ofSeconds(3), 200));

        assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                .containsEntry("lastStatus", 200);
        assertThat(receiver.requests(GRACEFUL)).hasSize(1);
    }

    /** The same for a retry the sweeper is sending: the stopping sweep finishes it and records it. */
    @Test
    void aRetryTheSweeperIsSendingWhenTheServiceStopsIsFinishedAndRecordedBeforeItGoes() throws Exception {
        Document delivery = closedWhileAnswering(SWEPT, Answer.status(500), Answer.late(Duration.ofSeconds(3), 200));

        assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 2)
                .containsEntry("lastStatus", 200);
        assertThat(receiver.requests(SWEPT)).hasSize(2);
    }

    /**
     * Sends a drop to a subscription of its own whose hook gives {@code answers}, closes the service
     * once the last answer's request has arrived, and reads the delivery as the closed service left it.
     */
    private Document closedWhileAnswering(String hook, Answer... answers) throws Exception {
        running = startAlertService(hook, Duration.ofSeconds(5));
        PricePointId point = doubaoInput("doubao-" + hook);
        subscribe(running, issueKey(running), point, hook);
        receiver.script(hook, answers);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, drop);
        await().atMost(PATIENCE).until(() -> receiver.requests(hook).size() == answers.length);
        running.close();
        return deliveryOf(hook, drop.eventId());
    }

    private static Document deliveryOf(String database, String eventId) {
        try (MongoClient mongo = MongoClients.create(AlertIntegrationTest.MONGO.uri(database))) {
            return Mono.from(mongo.getDatabase(database).getCollection(MongoCollections.DELIVERIES)
                    .find(new Document("eventId", eventId)).first()).block(PATIENCE);
        }
    }

    private static ConfigurableApplicationContext startAlertService() {
        return startAlertService("alert-restart", Duration.ofSeconds(1));
    }

    /** On a database and consumer group named {@code name}; the lease outlasts an attempt by a second. */
    private static ConfigurableApplicationContext startAlertService(String name, Duration attemptTimeout) {
        return AlertApplication.builder().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + AlertIntegrationTest.KAFKA.bootstrapServers(),
                "--spring.mongodb.uri=" + AlertIntegrationTest.MONGO.uri(name),
                "--pricewar.alert.matching.consumer-group=" + name,
                "--pricewar.alert.owners.admin-key=restart-admin",
                "--pricewar.alert.webhook-secrets.key=" + AlertIntegrationTest.WEBHOOK_SECRETS_KEY,
                "--pricewar.alert.delivery.guard.allow-plain-http=true",
                "--pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
                "--pricewar.alert.delivery.attempt-timeout=" + attemptTimeout.toMillis() + "ms",
                "--pricewar.alert.delivery.lease=" + attemptTimeout.plusSeconds(1).toMillis() + "ms",
                "--pricewar.alert.delivery.first-backoff=100ms",
                "--pricewar.alert.delivery.sweep-interval=200ms",
                "--spring.main.banner-mode=off");
    }

    private String issueKey(ConfigurableApplicationContext app) throws Exception {
        return JSON.readTree(post(app, "/api/v1/admin/api-keys", "restart-admin", "{\"owner\": \"restart\"}"))
                .get("apiKey").asString();
    }

    private void subscribe(ConfigurableApplicationContext app, String key, PricePointId point, String hook)
            throws Exception {
        post(app, "/api/v1/subscriptions", key, """
                {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "%s"}}"""
                .formatted(receiver.url(hook), point.model()));
    }

    private String post(ConfigurableApplicationContext app, String path, String bearer, String body) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }
}
