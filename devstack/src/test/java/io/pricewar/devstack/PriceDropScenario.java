package io.pricewar.devstack;

import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.pricewar.devstack.VendorPage.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path with real parts: a vendor page changes, the scraper publishes the change to the
 * Kafka broker, the ledger records it in MongoDB, and the alert service calls a webhook. Run on
 * the in-JVM infrastructure ({@link PriceDropEndToEndIT}) and, where Docker runs, on real Kafka
 * and MongoDB containers ({@link PriceDropOnContainersIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PriceDropScenario {

    private static final String QWEN_LONG_INPUT = "alibaba:qwen-long:input:standard";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the broker and the database under test are, and how to stop them. */
    record Infrastructure(String bootstrapServers, Function<String, String> mongoUri, AutoCloseable stop) {
    }

    private Infrastructure infra;
    private DemoVendorSite site;
    private ConsoleWebhook webhook;
    private PriceWarServices services;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Starts a Kafka broker with PriceWar's topics and a MongoDB server. */
    abstract Infrastructure startInfrastructure();

    @BeforeAll
    void startEverything() {
        infra = startInfrastructure();
        site = DemoVendorSite.start(0);
        site.publish(MayTimeline.ALIBABA);
        webhook = ConsoleWebhook.start(0, new PrintStream(new ByteArrayOutputStream()));
        services = PriceWarServices.start(new PriceWarServices.Settings(infra.bootstrapServers(), infra.mongoUri(),
                PriceWarServices.Ports.ANY_FREE,
                List.of(new DemoSource("alibaba", site.urlOf("alibaba"), "CNY", Duration.ofMillis(500)))));
    }

    @AfterAll
    void stopEverything() throws Exception {
        services.close();
        webhook.close();
        site.close();
        infra.stop().close();
    }

    @Test
    void aPriceDropOnAVendorPageIsRecordedAndNotifiedOnce() {
        await().atMost(Duration.ofSeconds(30)).until(() -> history(QWEN_LONG_INPUT).size() == 1);
        subscribeToAnyDrop();

        site.publish(MayTimeline.ALIBABA.with(row("Qwen-Long", "0.0005", "0.02")));

        await().atMost(Duration.ofSeconds(30)).until(() -> history(QWEN_LONG_INPUT).size() == 2);
        JsonNode history = history(QWEN_LONG_INPUT);
        assertThat(history.get(0).path("price").path("amount").asString()).isEqualTo("0.02");
        assertThat(history.get(1).path("price").path("amount").asString()).isEqualTo("0.0005");
        assertThat(history.get(1).path("previousPrice").path("amount").asString()).isEqualTo("0.02");

        PriceChanged onTopic = changesOnTopic().stream().filter(e -> e.pointId().toString().equals(QWEN_LONG_INPUT))
                .map(PriceChanged.class::cast).findFirst().orElseThrow();
        assertThat(onTopic.newPrice().per1M()).isEqualByComparingTo("0.5");
        assertThat(onTopic.eventId()).isEqualTo(history.get(1).path("eventId").asString());

        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.received().isEmpty());
        // Several more scrapes of the unchanged page happen in this window; none may notify again.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> webhook.received().size() == 1);
        JsonNode notification = webhook.received().getFirst();
        assertThat(notification.path("pointId").asString()).isEqualTo(QWEN_LONG_INPUT);
        assertThat(notification.path("oldPrice").path("amount").asString()).isEqualTo("0.02");
        assertThat(notification.path("newPrice").path("amount").asString()).isEqualTo("0.0005");
        assertThat(notification.path("eventId").asString()).isEqualTo(onTopic.eventId());
    }

    private void subscribeToAnyDrop() {
        String body = JSON.writeValueAsString(Map.of("webhookUrl", webhook.url(), "rule", "ANY_DROP"));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + issueApiKey()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private String issueApiKey() {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + "/api/v1/admin/api-keys"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + PriceWarServices.ALERT_ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\": \"price-drop-scenario\"}")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).path("apiKey").asString();
    }

    private JsonNode history(String pointId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(services.ledgerUrl() + "/api/v1/prices/" + pointId + "/history")).GET().build());
        return response.statusCode() == 200 ? historyEntries(JSON.readTree(response.body())) : JSON.createArrayNode();
    }

    /** The history endpoint answers an array of entries, or an object carrying them in "entries". */
    private static JsonNode historyEntries(JsonNode body) {
        return body.isArray() ? body : body.path("entries");
    }

    private List<PriceEvent> changesOnTopic() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<PriceEvent> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    PriceEvent event = PriceEventJson.read(record.value());
                    if (event instanceof PriceChanged) {
                        changes.add(event);
                    }
                });
            }
        }
        return changes;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }
}
