package io.pricewar.ledger.projection.recovery;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceEvent;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.RunningLedger;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.ProjectionDigests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB goes away while events keep arriving, then comes back on the same address with its
 * data (the file-backed in-JVM server, stopped and started again): the ledger waits without
 * dying and catches up without losing anything.
 */
class MongoOutageIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final List<PriceEvent> LOG = SampleEvents.series(10, 3);
    static final int BEFORE_OUTAGE = 10;

    @TempDir
    Path data;

    @AfterAll
    static void stop() {
        KAFKA.close();
    }

    @Test
    void consumptionPausesWhileMongoIsDownAndResumesWithNothingLost() {
        Path file = data.resolve("ledger.mv");
        MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind("127.0.0.1", 0);
        int port = mongo.getLocalAddress().getPort();
        String uri = "mongodb://127.0.0.1:" + port + "/outage?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
        try (var log = new LogFixture(KAFKA.bootstrapServers());
             var ledger = RunningLedger.start(KAFKA.bootstrapServers(), uri, Map.of(),
                     "--ledger.projection.write-timeout=3s", "--ledger.projection.retry-initial-interval=200ms",
                     "--ledger.projection.retry-max-interval=1s", "--ledger.projection.group-id=outage");
             MongoClient client = MongoClients.create(uri)) {
            log.publish(LOG.subList(0, BEFORE_OUTAGE));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> digest(client).historyEntries() == BEFORE_OUTAGE);

            mongo.shutdownNow();
            log.publish(LOG.subList(BEFORE_OUTAGE, LOG.size()));
            await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches(ledger) > 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> listenerRunning(ledger));

            mongo = new MongoServer(new H2Backend(file.toString()));
            mongo.bind("127.0.0.1", port);

            ProjectionChecksum.Result expected = SampleEvents.checksumOf(LOG);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> digest(client).equals(expected));
            assertThat(listenerRunning(ledger)).isTrue();
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ProjectionChecksum.Result digest(MongoClient client) {
        return ProjectionDigests.of(new LedgerCollections(client.getDatabase("outage"))).block(Duration.ofSeconds(5));
    }

    private static boolean listenerRunning(RunningLedger ledger) {
        return ledger.context().getBean(KafkaListenerEndpointRegistry.class).getAllListenerContainers()
                .stream().allMatch(container -> container.isRunning());
    }

    /** The projection reports each failed batch attempt; none means it never noticed the outage. */
    private static double failedBatches(RunningLedger ledger) {
        var counter = ledger.context().getBean(MeterRegistry.class).find("ledger.projection.batch.failures").counter();
        return counter == null ? 0 : counter.count();
    }
}
