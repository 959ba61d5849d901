package io.pricewar.ledger.projection.recovery;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.PriceEvent;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.RunningLedger;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.ProjectionDigests;
import io.pricewar.ledger.projection.mongo.StoreFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger dies between two writes of a batch, at each point where that can happen, and is
 * started again: what it then holds must equal a fresh replay of the same log.
 */
class ProjectionCrashRecoveryIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    static final List<PriceEvent> LOG = SampleEvents.series(12, 4);
    static final Duration PROJECTED = Duration.ofSeconds(60);
    /** Small batches, so the crash hits a batch in the middle of the log with others stored before it. */
    static final String SMALL_BATCHES = "--ledger.projection.max-batch-size=4";
    /**
     * Current prices and checkpoints held for up to 5 points, i.e. written every second or third
     * batch, so that the crash also finds batches whose history is written and whose checkpoint
     * is not.
     */
    static final String HELD_BATCHES = "--ledger.projection.flush-max-points=5";

    static ProjectionChecksum.Result freshReplay;

    @BeforeAll
    static void publishTheLogAndReplayItOnce() {
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.publish(LOG);
        }
        try (var ledger = ledger("fresh-replay", "replay", Map.of())) {
            freshReplay = awaitProjection("fresh-replay", SampleEvents.checksumOf(LOG));
        }
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
        KAFKA.close();
    }

    @ParameterizedTest
    @EnumSource(StoreFaults.Step.class)
    void restartAfterDyingMidBatchYieldsTheSameProjectionAsAFreshReplay(StoreFaults.Step step) throws Exception {
        String database = "crash-" + step.name().toLowerCase();
        DieOnThirdBatch faults = new DieOnThirdBatch(step);

        try (var doomed = ledger(database, database, Map.of("storeFaults", faults),
                "--ledger.projection.retry-initial-interval=10m")) {
            assertThat(faults.died.await(60, TimeUnit.SECONDS)).as("the ledger reached " + step).isTrue();
            // Died mid-log: its projection is not yet the whole log's. (Not "history short of the log":
            // while catching up the history runs ahead of current prices and checkpoints, so a
            // crash at a checkpoint may find every history entry written already.)
            assertThat(digest(database)).as("the projection when the ledger died").isNotEqualTo(freshReplay);
        }
        try (var restarted = ledger(database, database, Map.of())) {
            ProjectionChecksum.Result recovered = awaitProjection(database, freshReplay);

            assertThat(recovered).isEqualTo(freshReplay);
        }
    }

    private static RunningLedger ledger(String database, String group, Map<String, Object> beans, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--ledger.projection.group-id=" + group;
        args[1] = SMALL_BATCHES;
        args[2] = HELD_BATCHES;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return RunningLedger.start(KAFKA.bootstrapServers(), MONGO.uri(database), beans, args);
    }

    /** The digest once it equals {@code expected}, or the last one seen when time runs out. */
    private static ProjectionChecksum.Result awaitProjection(String database, ProjectionChecksum.Result expected) {
        AtomicReference<ProjectionChecksum.Result> last = new AtomicReference<>();
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> expected.equals(last.updateAndGet(previous -> digest(database))));
        return last.get();
    }

    private static ProjectionChecksum.Result digest(String database) {
        return ProjectionDigests.of(new LedgerCollections(CLIENT.getDatabase(database))).block(Duration.ofSeconds(30));
    }

    /** Lets two batches through, then fails the third at {@code step}, as a killed process would stop there. */
    static final class DieOnThirdBatch implements StoreFaults {
        final Step step;
        final AtomicInteger reached = new AtomicInteger();
        final CountDownLatch died = new CountDownLatch(1);

        DieOnThirdBatch(Step step) {
            this.step = step;
        }

        @Override
        public void reached(Step at) {
            if (at == step && reached.incrementAndGet() >= 3) {
                died.countDown();
                throw new IllegalStateException("simulated crash after " + step);
            }
        }
    }
}
