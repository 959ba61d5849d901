package io.pricewar.ledger.projection.kafka;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Topics;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.ProjectionPlan;
import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.SourcePosition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.pricewar.ledger.SampleEvents.doubaoListed;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenDelisted;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class PriceEventsListenerTest {

    final RecordingStore store = new RecordingStore();
    final DeadLetters deadLetters = mock(DeadLetters.class);
    final Acknowledgment ack = mock(Acknowledgment.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Consumer<?, ?> consumer = mock(Consumer.class);
    final ProjectionProperties properties = new ProjectionProperties("ledger-service", 1, 500,
            Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5), 20_000);
    final ProjectionMetrics metrics = new ProjectionMetrics(registry);
    final ConsumerProjectors projectors = new ConsumerProjectors(properties,
            projected -> PriceEventsListener.report(projected, metrics));
    final PriceEventsListener listener = new PriceEventsListener(() -> store,
            new CheckpointAlignment(() -> store, Duration.ofSeconds(5), projectors), projectors, deadLetters,
            metrics, properties);

    private PriceEventsListener listener(ProjectionProperties properties) {
        var own = new ConsumerProjectors(properties, projected -> PriceEventsListener.report(projected, metrics));
        return new PriceEventsListener(() -> store, new CheckpointAlignment(() -> store, Duration.ofSeconds(5), own),
                own, deadLetters, metrics, properties);
    }

    @Test
    void acknowledgesTheBatchAfterItIsStored() {
        listener.onBatch(List.of(record(0, qwenListed()), record(1, qwenCut())), ack, consumer);

        assertThat(store.plans).singleElement().extracting(plan -> plan.history().size()).isEqualTo(2);
        assertThat(store.checkpoints).containsExactly(new SourcePosition(Topics.PRICE_EVENTS, 0, 1));
        verify(ack).acknowledge();
        assertThat(counter("stored")).isEqualTo(2);
    }

    @Test
    void whileBehindTheLogHoldsCheckpointAndCommitThenWritesThemOnceCaughtUp() {
        var partition = new TopicPartition(Topics.PRICE_EVENTS, 0);
        doReturn(Set.of(partition)).when(consumer).assignment();
        doReturn(OptionalLong.of(5)).when(consumer).currentLag(partition);

        listener.onBatch(List.of(record(0, qwenListed())), ack, consumer);

        assertThat(store.plans).as("the history is written at once").hasSize(1);
        assertThat(store.checkpoints).as("the checkpoint is held").isEmpty();
        verify(ack, never()).acknowledge();

        doReturn(OptionalLong.of(0)).when(consumer).currentLag(partition);
        listener.onBatch(List.of(record(1, qwenCut())), ack, consumer);

        assertThat(store.plans).hasSize(2);
        assertThat(store.advances).as("both batches' current prices in one write").singleElement()
                .satisfies(current -> assertThat(current).singleElement()
                        .extracting(CurrentPrice::seq).isEqualTo(2L));
        assertThat(store.checkpoints).containsExactly(new SourcePosition(Topics.PRICE_EVENTS, 0, 1));
        verify(ack).acknowledge();
    }

    @Test
    void whileBehindAFlushOverlapsTheNextBatchAndKafkaIsCommittedOnlyWhatItAcknowledged() {
        var partition = behind();
        var flushEveryTwoPoints = listener(flushingAt(2));
        store.advancesWait = true;

        flushEveryTwoPoints.onBatch(List.of(record(0, qwenListed()), record(1, doubaoListed())), ack, consumer);

        assertThat(store.advances).as("the flush is started").hasSize(1);
        assertThat(store.checkpoints).containsExactly(new SourcePosition(Topics.PRICE_EVENTS, 0, 1));

        flushEveryTwoPoints.onBatch(List.of(record(2, qwenCut())), ack, consumer);

        assertThat(store.plans).as("the next batch's history is written while the flush is in flight").hasSize(2);
        verify(consumer, never()).commitSync(anyMap(), any(Duration.class));
        verify(ack, never()).acknowledge();

        store.acknowledgeAdvances();
        flushEveryTwoPoints.onBatch(List.of(record(3, qwenDelisted())), ack, consumer);

        verify(consumer).commitSync(eq(Map.of(partition, new OffsetAndMetadata(2))), any(Duration.class));
        verify(consumer, never()).commitSync(eq(Map.of(partition, new OffsetAndMetadata(4))), any(Duration.class));
        assertThat(store.advances).as("the batches held since are not flushed yet").hasSize(1);
        verify(ack, never()).acknowledge();
    }

    @Test
    void aFlushLostInFlightFailsALaterBatchSoItIsProjectedAgainFromMongosCheckpoint() {
        var partition = behind();
        var flushEveryTwoPoints = listener(flushingAt(2));
        store.advancesWait = true;
        flushEveryTwoPoints.onBatch(List.of(record(0, qwenListed()), record(1, doubaoListed())), ack, consumer);
        flushEveryTwoPoints.onBatch(List.of(record(2, qwenCut())), ack, consumer);

        store.failAdvances(new MongoTimeoutException("no server"));

        assertThatThrownBy(() -> flushEveryTwoPoints.onBatch(List.of(record(3, qwenDelisted())), ack, consumer))
                .isInstanceOf(MongoTimeoutException.class);
        assertThat(store.advances).as("nothing is flushed past the lost flush").hasSize(1);
        verify(consumer, never()).commitSync(anyMap(), any(Duration.class));

        flushEveryTwoPoints.onBatch(List.of(record(3, qwenDelisted())), ack, consumer);

        verify(consumer).seek(partition, 0L);
    }

    private TopicPartition behind() {
        var partition = new TopicPartition(Topics.PRICE_EVENTS, 0);
        doReturn(Set.of(partition)).when(consumer).assignment();
        doReturn(OptionalLong.of(5)).when(consumer).currentLag(partition);
        return partition;
    }

    private static ProjectionProperties flushingAt(int points) {
        return new ProjectionProperties("ledger-service", 1, 500, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofHours(1), points);
    }

    @Test
    void whenTheLogGoesQuietTheIdleEventWritesWhatIsHeldAndCommitsIt() {
        var partition = behind();
        listener.onBatch(List.of(record(0, qwenListed()), record(1, qwenCut())), ack, consumer);
        assertThat(store.checkpoints).as("held").isEmpty();

        listener.onIdle(new ListenerContainerIdleEvent(this, this, 5_000, PriceEventsListener.LISTENER_ID + "-0",
                List.of(partition), consumer, false));

        assertThat(store.advances).singleElement().satisfies(current -> assertThat(current).singleElement()
                .extracting(CurrentPrice::seq).isEqualTo(2L));
        assertThat(store.checkpoints).containsExactly(new SourcePosition(Topics.PRICE_EVENTS, 0, 1));
        verify(consumer).commitSync(eq(Map.of(partition, new OffsetAndMetadata(2))), any(Duration.class));

        listener.onIdle(new ListenerContainerIdleEvent(this, this, 10_000, PriceEventsListener.LISTENER_ID + "-0",
                List.of(partition), consumer, false));
        assertThat(store.advances).as("nothing more to write").hasSize(1);
    }

    @Test
    void doesNotAcknowledgeWhenTheStoreFailsSoTheBatchIsRetried() {
        store.failWith = new MongoTimeoutException("no server");

        assertThatThrownBy(() -> listener.onBatch(List.of(record(0, qwenListed())), ack, consumer))
                .isInstanceOf(MongoTimeoutException.class);
        verify(ack, never()).acknowledge();
    }

    @Test
    void deadLettersAnUnreadableRecordWithItsReasonAndProjectsTheRest() {
        doReturn(CompletableFuture.completedFuture(null)).when(deadLetters).send(any(), any());
        var garbage = new ConsumerRecord<>(Topics.PRICE_EVENTS, 0, 0L, "some-key",
                "not json".getBytes(StandardCharsets.UTF_8));

        listener.onBatch(List.of(garbage, record(1, qwenListed())), ack, consumer);

        verify(deadLetters).send(eq(garbage), contains("Unrecognized token"));
        assertThat(store.plans).singleElement().extracting(plan -> plan.history().size()).isEqualTo(1);
        assertThat(store.checkpoints).as("the dead-lettered record is handled too")
                .containsExactly(new SourcePosition(Topics.PRICE_EVENTS, 0, 1));
        assertThat(counter("dead-lettered")).isEqualTo(1);
        verify(ack).acknowledge();
    }

    @Test
    void doesNotAcknowledgeWhenTheDeadLetterIsNotAccepted() {
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")))
                .when(deadLetters).send(any(), any());
        var garbage = new ConsumerRecord<>(Topics.PRICE_EVENTS, 0, 0L, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> listener.onBatch(List.of(garbage), ack, consumer)).isInstanceOf(IllegalStateException.class);
        verify(ack, never()).acknowledge();
        assertThat(store.plans).isEmpty();
    }

    @Test
    void skipsRedeliveredRecordsAtOrBelowTheMongoCheckpointAsAlreadyStored() {
        store.storedCheckpoints = Map.of(0, 1L);

        listener.onBatch(List.of(record(0, qwenListed()), record(1, qwenCut()), record(2, doubaoListed())), ack,
                consumer);

        assertThat(store.plans).singleElement().satisfies(plan -> assertThat(plan.history())
                .singleElement().extracting(entry -> entry.source().offset()).isEqualTo(2L));
        assertThat(counter("duplicate")).isEqualTo(2);
        verify(ack).acknowledge();
    }

    @Test
    void seeksBackToTheCheckpointWhenKafkaIsAheadOfMongoAndCommitsNothing() {
        store.storedCheckpoints = Map.of(0, 3L);

        listener.onBatch(List.of(record(10, qwenListed()), record(11, qwenCut())), ack, consumer);

        verify(consumer).seek(new TopicPartition(Topics.PRICE_EVENTS, 0), 4L);
        assertThat(store.plans).isEmpty();
        verify(ack, never()).acknowledge();
    }

    @Test
    void acceptsAHoleInTheLogOnceTheConsumerWasSentBackAndStillStartsLater() {
        store.storedCheckpoints = Map.of(0, 3L);
        listener.onBatch(List.of(record(10, qwenListed())), ack, consumer);

        listener.onBatch(List.of(record(10, qwenListed())), ack, consumer);

        assertThat(store.plans).singleElement().extracting(plan -> plan.history().size()).isEqualTo(1);
        verify(ack).acknowledge();
    }

    @Test
    void onAssignmentSeeksEachPartitionToItsCheckpointPlusOneOrToTheLogStart() {
        store.storedCheckpoints = Map.of(0, 41L);
        var withCheckpoint = new TopicPartition(Topics.PRICE_EVENTS, 0);
        var without = new TopicPartition(Topics.PRICE_EVENTS, 1);
        doReturn(Map.of(withCheckpoint, 0L, without, 7L)).when(consumer).beginningOffsets(any());

        new CheckpointAlignment(() -> store, Duration.ofSeconds(5), projectors)
                .onPartitionsAssigned(consumer, List.of(withCheckpoint, without));

        verify(consumer).seek(withCheckpoint, 42L);
        verify(consumer).seek(without, 7L);
    }

    @Test
    void checkpointsTheLastOffsetOfEachPartition() {
        var records = List.of(record(3, qwenListed(), 2), record(7, qwenCut(), 2), record(4, qwenListed(), 5));

        assertThat(PriceEventsListener.lastOffsets(records)).containsExactlyInAnyOrder(
                new SourcePosition(Topics.PRICE_EVENTS, 2, 7), new SourcePosition(Topics.PRICE_EVENTS, 5, 4));
    }

    private double counter(String outcome) {
        return registry.get(ProjectionMetrics.RECORDS).tag(ProjectionMetrics.OUTCOME, outcome).counter().count();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, PriceEvent event) {
        return record(offset, event, 0);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, PriceEvent event, int partition) {
        return new ConsumerRecord<>(Topics.PRICE_EVENTS, partition, offset, event.pointId().toString(),
                PriceEventJson.write(event));
    }

    /** Stores nothing, remembers what it was asked to store, and fails on demand. */
    static final class RecordingStore implements ProjectionStore {
        final List<ProjectionPlan> plans = new ArrayList<>();
        final List<SourcePosition> checkpoints = new ArrayList<>();
        final List<List<CurrentPrice>> advances = new ArrayList<>();
        final List<Sinks.One<Boolean>> pending = new ArrayList<>();
        Map<Integer, Long> storedCheckpoints = Map.of();
        RuntimeException failWith;
        /** Each advance completes only when told ({@link #acknowledgeAdvances}, {@link #failAdvances}). */
        boolean advancesWait;

        void acknowledgeAdvances() {
            pending.forEach(sink -> sink.tryEmitValue(true));
            pending.clear();
        }

        void failAdvances(RuntimeException failure) {
            pending.forEach(sink -> sink.tryEmitError(failure));
            pending.clear();
        }

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public Mono<Map<Integer, Long>> checkpoints(String topic) {
            return Mono.just(storedCheckpoints);
        }

        @Override
        public Mono<Map<PricePointId, Long>> storedSeqs(Set<PricePointId> points) {
            return failWith == null ? Mono.just(Map.of()) : Mono.error(failWith);
        }

        @Override
        public Mono<Stored> storeHistory(ProjectionPlan plan) {
            plans.add(plan);
            return Mono.just(new Stored(plan.history().size(), 0));
        }

        @Override
        public Mono<Boolean> advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs,
                                     List<SourcePosition> positions) {
            advances.add(current);
            checkpoints.addAll(positions);
            if (advancesWait) {
                Sinks.One<Boolean> sink = Sinks.one();
                pending.add(sink);
                return sink.asMono();
            }
            return Mono.just(true);
        }
    }
}
