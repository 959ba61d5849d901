package io.pricewar.ledger.startup;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.PriceEvent;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.RunningLedger;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.ProjectionDigests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger is started while MongoDB is unreachable: it comes up, reports itself not ready, and
 * once MongoDB is there it creates its indexes, starts consuming and projects the whole log.
 */
class StartWithoutMongoIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final List<PriceEvent> LOG = SampleEvents.series(6, 2);

    @AfterAll
    static void stop() {
        KAFKA.close();
    }

    @Test
    void startsNotReadyWhileMongoIsAwayAndConsumesOnceItComes() throws IOException {
        int port = freePort();
        String uri = "mongodb://127.0.0.1:" + port + "/late?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.publish(LOG);
        }
        // Before, the first read of the generation pointer failed the start-up (here after the 1 s
        // server selection timeout); now the context comes up and serves its health.
        try (var ledger = RunningLedger.start(KAFKA.bootstrapServers(), uri, Map.of(),
                "--ledger.projection.group-id=late", "--ledger.projection.retry-max-interval=1s")) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + ledger.port())
                    .responseTimeout(Duration.ofSeconds(30)).build();
            web.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.ledgerStorage.status").isEqualTo("DOWN");
            web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            // A query fails on the missing database: a problem detail that names nothing of the cause.
            web.get().uri("/api/v1/changes").exchange()
                    .expectStatus().isEqualTo(500)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Internal Server Error")
                    .jsonPath("$.status").isEqualTo(500)
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                            .doesNotContainIgnoringCase("mongo").doesNotContain(Integer.toString(port)));

            try (EmbeddedMongo mongo = EmbeddedMongo.inMemoryOnPort(port);
                 MongoClient client = MongoClients.create(mongo.uri("late"))) {
                var expected = SampleEvents.checksumOf(LOG);
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> expected.equals(
                        ProjectionDigests.of(new LedgerCollections(client.getDatabase("late")))
                                .block(Duration.ofSeconds(10))));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                        .uri("/actuator/health/readiness").exchange().expectStatus().isOk());
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
