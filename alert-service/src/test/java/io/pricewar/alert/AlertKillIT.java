package io.pricewar.alert;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.standardwebhooks.Webhook;
import io.pricewar.alert.WebhookReceiver.Answer;
import io.pricewar.alert.WebhookReceiver.Request;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Topics;
import io.pricewar.infra.RunnableJar;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The alert service killed in the middle of a webhook call, as a crash or the kernel's OOM killer
 * would: no shutdown hook runs, the attempt's outcome is never recorded and its lease is never
 * given back. So it runs as the image runs it, its runnable jar as a process of its own, on this
 * JVM's broker and database; {@link AlertRestartIT} covers the orderly stop.
 */
class AlertKillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NAME = "alert-kill";
    private static final String ADMIN_KEY = "kill-admin";
    private static final String HOOK = "kill";
    /**
     * Long enough for the kill to land while the receiver holds the call; short, since the second
     * process takes the delivery over only once the lease the first one took has run out.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LEASE = ATTEMPT_TIMEOUT.plusSeconds(1);
    /** What the Dockerfile hands the java launcher. */
    private static final Path JVM_OPTIONS = Path.of("..", "deploy", "jvm.options");
    private static final Pattern PORT = Pattern.compile("started on port (\\d+)");

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final TopicPublisher topic = TopicPublisher.on(AlertIntegrationTest.KAFKA);
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Process> processes = new ArrayList<>();
    private final MongoClient mongo = MongoClients.create(AlertIntegrationTest.MONGO.uri(NAME));
    private final MongoCollection<Document> outbox = mongo.getDatabase(NAME).getCollection(MongoCollections.DELIVERIES);

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
        release.countDown();
        mongo.close();
        topic.close();
        receiver.close();
    }

    @Test
    void aDeliveryKilledMidSendIsSentAgainByTheNextProcessAndNeverAfterItsSuccess() throws Exception {
        Service first = start(1);
        String key = issueKey(first);
        PricePointId point = doubaoInput("doubao-kill");
        JsonNode subscription = subscribe(first, key, point);
        receiver.script(HOOK, Answer.hangUntil(release));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, drop);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> receiver.requests(HOOK).size() == 1);
        first.process().destroyForcibly().waitFor();
        Instant killed = Instant.now();

        Document cutOff = delivery(drop.eventId());
        assertThat(cutOff).as("the kill landed while the call was in flight: nothing of it recorded")
                .containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(cutOff.getDate("leaseUntil").toInstant()).as("still leased by the killed process").isAfter(killed);

        Service second = start(2);
        String subscriptionId = subscription.get("id").asString();
        await("delivered; see " + second.log().toAbsolutePath()).atMost(PATIENCE).untilAsserted(() ->
                assertThat(deliveries(second, key, subscriptionId).path(0).path("status").asString()).isEqualTo("DELIVERED"));

        JsonNode delivered = deliveries(second, key, subscriptionId);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).get("eventId").asString()).isEqualTo(drop.eventId());
        assertThat(delivered.get(0).get("attempts").asInt()).as("the cut-off call was never recorded").isEqualTo(1);
        assertThat(delivered.get(0).get("lastStatus").asInt()).isEqualTo(200);
        List<Request> requests = receiver.requests(HOOK);
        assertThat(requests).extracting(Request::status).containsExactly(0, 200);
        Request again = requests.get(1);
        assertThat(again.at()).as("sent again after the kill").isAfter(killed);
        assertThat(requests).extracting(r -> r.header("webhook-id")).as("one idempotency key across the kill")
                .containsOnly(delivered.get(0).get("id").asString());
        assertThat(requests).extracting(r -> JSON.readTree(r.body()).get("eventId").asString()).as("the same event")
                .containsOnly(drop.eventId());
        String secret = subscription.get("signingSecret").asString();
        assertThat(requests).as("signed with the secret shown at creation").allSatisfy(request ->
                assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), Map.of(
                        "webhook-id", List.of(request.header("webhook-id")),
                        "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                        "webhook-signature", List.of(request.header("webhook-signature"))))));

        // Nothing after the success: the second process has consumed the drop (or found it
        // committed), and its sweeper has run past the moment any lease taken before the success
        // ran out, which a probe due only then shows by being taken.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(AlertKillIT::consumedToTheEnd);
        String probe = insertOrphanDueAfter(Instant.now().plus(LEASE));
        await("the probe taken; see " + second.log().toAbsolutePath()).atMost(PATIENCE).untilAsserted(() ->
                assertThat(deliveryById(probe).getString("status")).isEqualTo("CANCELLED"));
        assertThat(receiver.requests(HOOK)).as("no request after the success").hasSize(2);
        assertThat(deliveries(second, key, subscriptionId).get(0).get("attempts").asInt()).isEqualTo(1);
    }

    /** A running alert-service process and the port it listens on. */
    private record Service(Process process, int port, Path log) {
    }

    /**
     * Starts the runnable jar with the image's JVM options, on this JVM's broker and MongoDB, its
     * own database and consumer group, with the receiver on 127.0.0.1 allowed; waits until it listens.
     */
    private Service start(int n) throws IOException {
        Path log = Path.of("target", NAME, "service-" + n + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder service = RunnableJar.of(Path.of(".")).process(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + AlertIntegrationTest.KAFKA.bootstrapServers(),
                        "--spring.mongodb.uri=" + AlertIntegrationTest.MONGO.uri(NAME),
                        "--pricewar.alert.matching.consumer-group=" + NAME,
                        // A killed member holds its partitions until its session times out.
                        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                        "--pricewar.alert.owners.admin-key=" + ADMIN_KEY,
                        "--pricewar.alert.webhook-secrets.key=" + AlertIntegrationTest.WEBHOOK_SECRETS_KEY,
                        "--pricewar.alert.delivery.guard.allow-plain-http=true",
                        "--pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
                        "--pricewar.alert.delivery.response-timeout=" + ATTEMPT_TIMEOUT.toMillis() + "ms",
                        "--pricewar.alert.delivery.attempt-timeout=" + ATTEMPT_TIMEOUT.toMillis() + "ms",
                        "--pricewar.alert.delivery.lease=" + LEASE.toMillis() + "ms",
                        "--pricewar.alert.delivery.first-backoff=100ms",
                        "--pricewar.alert.delivery.sweep-interval=200ms",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        service.environment().put("JDK_JAVA_OPTIONS", "@" + JVM_OPTIONS.toAbsolutePath().normalize());
        Process process = service.start();
        processes.add(process);
        int port = await().atMost(PATIENCE).until(() -> {
            assertThat(process.isAlive()).as("process %d is running; see %s", n, log.toAbsolutePath()).isTrue();
            Matcher found = PORT.matcher(Files.readString(log));
            return found.find() ? Integer.parseInt(found.group(1)) : null;
        }, found -> found != null);
        return new Service(process, port, log);
    }

    private String issueKey(Service service) throws Exception {
        return JSON.readTree(post(service, "/api/v1/admin/api-keys", ADMIN_KEY, "{\"owner\": \"kill\"}"))
                .get("apiKey").asString();
    }

    private JsonNode subscribe(Service service, String key, PricePointId point) throws Exception {
        return JSON.readTree(post(service, "/api/v1/subscriptions", key, """
                {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "%s"}}"""
                .formatted(receiver.url(HOOK), point.model())));
    }

    private JsonNode deliveries(Service service, String key, String subscriptionId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base(service) + "/api/v1/subscriptions/" + subscriptionId + "/deliveries"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String post(Service service, String path, String bearer, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(service) + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static String base(Service service) {
        return "http://127.0.0.1:" + service.port();
    }

    private Document delivery(String eventId) {
        return Mono.from(outbox.find(new Document("eventId", eventId)).first()).block(PATIENCE);
    }

    private Document deliveryById(String id) {
        return Mono.from(outbox.find(new Document("_id", id)).first()).block(PATIENCE);
    }

    /**
     * Records a pending delivery, due at {@code due}, of a subscription that does not exist: the
     * sweeper that takes it cancels it without calling anyone.
     */
    private String insertOrphanDueAfter(Instant due) {
        String id = "kill-probe:" + due.toEpochMilli();
        Mono.from(outbox.insertOne(new Document("_id", id)
                .append("subscriptionId", "kill-probe").append("eventId", "kill-probe")
                .append("webhookUrl", "http://127.0.0.1:9/kill-probe").append("payload", "{}")
                .append("status", "PENDING").append("attempts", 0)
                .append("createdAt", new Date()).append("leaseUntil", Date.from(due)))).block(PATIENCE);
        return id;
    }

    /** Whether the service's consumer group has committed every partition of price-events to its end. */
    private static boolean consumedToTheEnd() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, AlertIntegrationTest.KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(NAME)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.PRICE_EVENTS))
                    .allTopicNames().get().get(Topics.PRICE_EVENTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.PRICE_EVENTS, p.partition()),
                            p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() == end.getValue().offset());
        }
    }
}
