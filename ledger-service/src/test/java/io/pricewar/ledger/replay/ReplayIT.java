package io.pricewar.ledger.replay;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.MayTimeline;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.pricewar.ledger.MayTimeline.QWEN_LONG_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replay from offset 0 into a new generation, verified and switched, while the live one serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {LedgerApplication.CONFIG_NAME, "ledger.admin.key=s3cret"})
@AutoConfigureWebTestClient(timeout = "30s")
class ReplayIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final String DATABASE = "ledger-replay-it";
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri(DATABASE));
    static final List<PriceEvent> EVENTS = MayTimeline.events();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri(DATABASE));
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
        KAFKA.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void replaySwitchesToAVerifiedGenerationRefusesOneThatDiffersFromAnAlteredLiveOneAndForceRepairsIt() {
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.send(QWEN_LONG_IN.toString(), "not json".getBytes(StandardCharsets.UTF_8));
            log.publish(EVENTS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/changes").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(EVENTS.size()));
        long deadLettersBefore = deadLetters();

        web.post().uri("/api/v1/admin/replay").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/admin/replay").header("X-Admin-Key", "wrong").exchange().expectStatus().isUnauthorized();

        startReplay(false);
        awaitReplay("SWITCHED")
                .jsonPath("$.generation").isEqualTo(1)
                .jsonPath("$.consumed").isEqualTo(EVENTS.size() + 1)
                .jsonPath("$.unreadable").isEqualTo(1)
                .jsonPath("$.verification.historyEntries").isEqualTo(EVENTS.size())
                .jsonPath("$.verification.overlapChecksumNew").value(sum -> web.get().uri("/api/v1/admin/replay")
                        .header("X-Admin-Key", "s3cret").exchange().expectBody()
                        .jsonPath("$.verification.overlapChecksumLive").isEqualTo(sum));
        assertThat(deadLetters()).as("a replay dead-letters nothing").isEqualTo(deadLettersBefore);

        var later = SampleEvents.changed(EVENTS.stream().filter(e -> e.pointId().equals(QWEN_LONG_IN))
                .reduce((a, b) -> b).orElseThrow(), MayTimeline.events().get(0).currentPrice(),
                io.pricewar.events.Price.of("0.0004", "CNY", io.pricewar.events.PriceUnit.PER_1K_TOKENS),
                "2024-09-01T00:00:00Z");
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.publish(List.of(later));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/prices/" + QWEN_LONG_IN + "/history").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].price.amount").isEqualTo("0.0004"));

        Mono.from(new LedgerCollections(CLIENT.getDatabase(DATABASE), 1).history().updateOne(
                Filters.and(Filters.eq("pointId", QWEN_LONG_IN.toString()), Filters.eq("seq", 2L)),
                Updates.set("price.amount", new Decimal128(new BigDecimal("0.00001"))))).block();
        startReplay(false);
        awaitReplay("REJECTED").jsonPath("$.message").value(message ->
                assertThat(message.toString()).contains("differs"));
        web.get().uri("/api/v1/audit/chains").exchange().expectBody().jsonPath("$.intact").isEqualTo(false);

        startReplay(true);
        awaitReplay("SWITCHED").jsonPath("$.generation").isEqualTo(3);
        web.get().uri("/api/v1/audit/chains").exchange().expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.events").isEqualTo(EVENTS.size() + 1);
        web.get().uri("/api/v1/prices/" + QWEN_LONG_IN + "/history").exchange().expectBody()
                .jsonPath("$[1].price.amount").isEqualTo("0.0005");
    }

    private void startReplay(boolean force) {
        web.post().uri("/api/v1/admin/replay?force=" + force).header("X-Admin-Key", "s3cret").exchange()
                .expectStatus().isAccepted();
    }

    private WebTestClient.BodyContentSpec awaitReplay(String state) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri("/api/v1/admin/replay")
                .header("X-Admin-Key", "s3cret").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo(state));
        return web.get().uri("/api/v1/admin/replay").header("X-Admin-Key", "s3cret").exchange().expectBody();
    }

    private static long deadLetters() {
        try (var admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            var partition = new TopicPartition(Topics.PRICE_EVENTS_DLT, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
