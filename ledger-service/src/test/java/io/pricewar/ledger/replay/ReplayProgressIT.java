package io.pricewar.ledger.replay;

import io.pricewar.events.Price;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.MayTimeline;
import io.pricewar.ledger.SampleEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.pricewar.ledger.MayTimeline.QWEN_LONG_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A replay held part-way ({@link ReplayHold}): its progress is visible and the live generation keeps serving. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {LedgerApplication.CONFIG_NAME, "ledger.admin.key=s3cret",
                // Small polls, so the replay has several batches to be held between.
                "ledger.projection.max-batch-size=4"})
@AutoConfigureWebTestClient(timeout = "30s")
class ReplayProgressIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final List<PriceEvent> EVENTS = MayTimeline.events();
    static final long POINTS = EVENTS.stream().map(PriceEvent::pointId).distinct().count();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-replay-progress-it"));
        registry.add("spring.kafka.consumer.properties.interceptor.classes", ReplayHold.class::getName);
    }

    @AfterAll
    static void stop() {
        ReplayHold.RELEASED.countDown();
        MONGO.close();
        KAFKA.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void whileAReplayRunsItsProgressShowsAndTheLiveGenerationKeepsServingAndProjectingIntoTheNextOne() throws Exception {
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.publish(EVENTS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/changes").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(EVENTS.size()));

        web.post().uri("/api/v1/admin/replay").header("X-Admin-Key", "s3cret").exchange().expectStatus().isAccepted();
        assertThat(ReplayHold.HELD.await(30, TimeUnit.SECONDS)).as("the replay reached its second batch").isTrue();
        try {
            ReplayStatus running = progress();
            assertThat(running.state()).isEqualTo(ReplayStatus.State.RUNNING);
            assertThat(running.generation()).isEqualTo(1);
            assertThat(running.liveGeneration()).isZero();
            assertThat(running.target()).isEqualTo(EVENTS.size());
            assertThat(running.consumed()).isPositive().isLessThan(running.target());

            web.get().uri("/api/v1/prices").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(POINTS);
            var later = SampleEvents.changed(lastOf(QWEN_LONG_IN), lastOf(QWEN_LONG_IN).currentPrice(),
                    Price.of("0.0004", "CNY", PriceUnit.PER_1K_TOKENS), "2024-09-01T00:00:00Z");
            try (var log = new LogFixture(KAFKA.bootstrapServers())) {
                log.publish(List.of(later));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                    .uri("/api/v1/prices?vendor=alibaba&model=qwen-long&meter=input").exchange().expectBody()
                    .jsonPath("$[0].price.amount").isEqualTo("0.0004"));
            assertThat(progress().state()).as("still held").isEqualTo(ReplayStatus.State.RUNNING);
        } finally {
            ReplayHold.RELEASED.countDown();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> progress().state() == ReplayStatus.State.SWITCHED);
        assertThat(progress().consumed()).isEqualTo(EVENTS.size());
        // The change came after the replay's end: the live consumer must bring it to the new generation
        // although no later record comes to make it realign.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get()
                .uri("/api/v1/prices?vendor=alibaba&model=qwen-long&meter=input").exchange().expectBody()
                .jsonPath("$[0].price.amount").isEqualTo("0.0004"));
    }

    private ReplayStatus progress() {
        return web.get().uri("/api/v1/admin/replay").header("X-Admin-Key", "s3cret").exchange()
                .expectStatus().isOk().expectBody(ReplayStatus.class).returnResult().getResponseBody();
    }

    private static PriceEvent lastOf(PricePointId point) {
        return EVENTS.stream().filter(e -> e.pointId().equals(point)).reduce((a, b) -> b).orElseThrow();
    }
}
