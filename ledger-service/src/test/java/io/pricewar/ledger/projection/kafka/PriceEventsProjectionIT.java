package io.pricewar.ledger.projection.kafka;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.pricewar.ledger.SampleEvents.changed;
import static io.pricewar.ledger.SampleEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real ledger, fed through a real broker, read through its HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = LedgerApplication.CONFIG_NAME)
@AutoConfigureWebTestClient(timeout = "30s") // a loaded 2-core CI machine can exceed the default 5 s
class PriceEventsProjectionIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    static final Duration PROJECTED = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-projection-it"));
    }

    @AfterAll
    static void stop() {
        PRODUCER.close();
        MONGO.close();
        KAFKA.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LedgerGenerations generations;

    @Test
    void listingThenChangeShowInHistoryInSeqOrderAndAsTheCurrentPrice() {
        PricePointId point = PricePointId.of("alibaba", "Qwen-Long", "input", "standard");
        Price before = Price.of("0.02", "CNY", PriceUnit.PER_1K_TOKENS);
        Price after = Price.of("0.0005", "CNY", PriceUnit.PER_1K_TOKENS);
        PriceListed listing = listed(point, before, "2024-05-01T00:00:00Z");
        PriceEvent cut = changed(listing, before, after, "2024-05-21T02:00:00Z");

        publish(listing);
        publish(cut);

        await().atMost(PROJECTED).untilAsserted(() -> historyOf(point).jsonPath("$.length()").isEqualTo(2));
        historyOf(point)
                .jsonPath("$[0].seq").isEqualTo(1)
                .jsonPath("$[0].type").isEqualTo("PriceListed")
                .jsonPath("$[0].previousPrice").isEmpty()
                .jsonPath("$[0].price.amount").isEqualTo("0.02")
                .jsonPath("$[0].evidence.cellText").isEqualTo(listing.evidence().cellText())
                .jsonPath("$[0].hash").isEqualTo(listing.hash())
                .jsonPath("$[1].seq").isEqualTo(2)
                .jsonPath("$[1].type").isEqualTo("PriceChanged")
                .jsonPath("$[1].eventId").isEqualTo(cut.eventId())
                .jsonPath("$[1].previousPrice.amount").isEqualTo("0.02")
                .jsonPath("$[1].price.amount").isEqualTo("0.0005")
                .jsonPath("$[1].price.per1M").isEqualTo("0.5")
                .jsonPath("$[1].observedAt").isEqualTo("2024-05-21T02:00:00Z")
                .jsonPath("$[1].prevHash").isEqualTo(listing.hash());
        web.get().uri("/api/v1/prices?vendor=alibaba&model=qwen-long").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].pointId").isEqualTo(point.toString())
                .jsonPath("$[0].status").isEqualTo("LISTED")
                .jsonPath("$[0].seq").isEqualTo(2)
                .jsonPath("$[0].price.amount").isEqualTo("0.0005")
                .jsonPath("$[0].price.currency").isEqualTo("CNY")
                .jsonPath("$[0].lastEventId").isEqualTo(cut.eventId());
    }

    @Test
    void sameEventPublishedTwiceIsStoredOnce() {
        PricePointId point = PricePointId.of("bytedance", "Doubao-Pro-32k", "input", "standard");
        Price launch = Price.of("0.0008", "CNY", PriceUnit.PER_1K_TOKENS);
        PriceListed listing = listed(point, launch, "2024-05-15T08:00:00Z");
        PriceEvent change = changed(listing, launch, Price.of("0.0006", "CNY", PriceUnit.PER_1K_TOKENS),
                "2024-06-01T08:00:00Z");
        double duplicatesBefore = duplicates();

        publish(listing);
        publish(change);
        publish(change);

        await().atMost(PROJECTED).until(() -> duplicates() > duplicatesBefore);
        historyOf(point).jsonPath("$.length()").isEqualTo(2).jsonPath("$[1].price.amount").isEqualTo("0.0006");
    }

    @Test
    void aSeqGapIsRecordedAndCountedAndTheEventAfterItStillProjected() {
        PricePointId point = PricePointId.of("zhipu", "GLM-4", "input", "standard");
        Price launch = Price.of("0.1", "CNY", PriceUnit.PER_1K_TOKENS);
        Price firstCut = Price.of("0.05", "CNY", PriceUnit.PER_1K_TOKENS);
        Price secondCut = Price.of("0.01", "CNY", PriceUnit.PER_1K_TOKENS);
        PriceListed listing = listed(point, launch, "2024-05-01T00:00:00Z");
        PriceEvent lost = changed(listing, launch, firstCut, "2024-05-11T00:00:00Z");
        PriceEvent afterTheGap = changed(lost, firstCut, secondCut, "2024-05-21T00:00:00Z");
        double gapsBefore = meters.get(ProjectionMetrics.GAPS).counter().count();

        publish(listing);
        publish(afterTheGap); // seq 3, with seq 2 never published

        await().atMost(PROJECTED).untilAsserted(() -> historyOf(point).jsonPath("$.length()").isEqualTo(2));
        historyOf(point).jsonPath("$[0].seq").isEqualTo(1).jsonPath("$[1].seq").isEqualTo(3)
                .jsonPath("$[1].price.amount").isEqualTo("0.01");
        web.get().uri("/api/v1/prices?vendor=zhipu&model=glm-4").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].seq").isEqualTo(3).jsonPath("$[0].price.amount").isEqualTo("0.01");
        await().atMost(PROJECTED).untilAsserted(() -> {
            assertThat(meters.get(ProjectionMetrics.GAPS).counter().count()).isEqualTo(gapsBefore + 1);
            List<Document> gaps = Flux.from(generations.live().gaps().find(Filters.eq("pointId", point.toString())))
                    .collectList().block(PROJECTED);
            assertThat(gaps).singleElement().satisfies(gap -> assertThat(gap)
                    .containsEntry("expectedSeq", 2L).containsEntry("foundSeq", 3L));
        });
    }

    @Test
    void unreadableRecordIsDeadLetteredWithItsReasonAndLaterEventsAreStillProjected() {
        PricePointId point = PricePointId.of("deepseek", "DeepSeek-V2", "input", "standard");
        PriceListed listing = listed(point, Price.of("1", "CNY", PriceUnit.PER_1M_TOKENS), "2024-05-06T00:00:00Z");

        // Same key as the good event, so the garbage lands before it on the same partition.
        send(point.toString(), "not json".getBytes(StandardCharsets.UTF_8));
        publish(listing);

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(point.toString());
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8)).isNotBlank();
        await().atMost(PROJECTED).untilAsserted(() -> historyOf(point).jsonPath("$[0].price.amount").isEqualTo("1"));
        assertThat(meters.get(ProjectionMetrics.RECORDS).tag(ProjectionMetrics.OUTCOME, "dead-lettered")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    private WebTestClient.BodyContentSpec historyOf(PricePointId point) {
        return web.get().uri("/api/v1/prices/{id}/history", point.toString()).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    private double duplicates() {
        return meters.get(ProjectionMetrics.RECORDS).tag(ProjectionMetrics.OUTCOME, "duplicate").counter().count();
    }

    private static void publish(PriceEvent event) {
        send(event.pointId().toString(), PriceEventJson.write(event));
    }

    private static void send(String key, byte[] value) {
        try {
            PRODUCER.send(new ProducerRecord<>(Topics.PRICE_EVENTS, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.PRICE_EVENTS, e);
        }
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PRICE_EVENTS_DLT));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(PROJECTED).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(record -> key.equals(record.key()));
            });
            return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow();
        }
    }
}
