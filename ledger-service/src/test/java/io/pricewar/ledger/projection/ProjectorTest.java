package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.pricewar.ledger.SampleEvents.DOUBAO_PRO_32K_INPUT;
import static io.pricewar.ledger.SampleEvents.QWEN_LONG_INPUT;
import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.doubaoListed;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectorTest {

    final FakeStore store = new FakeStore();
    final Projector projector = new Projector(store, Duration.ofHours(1), 100, projected -> { });

    @Test
    void holdsCurrentPricesAndCheckpointsOfSeveralBatchesAndWritesEachPointOnce() {
        projector.project(List.of(at(qwenListed(), 0, 0), at(doubaoListed(), 1, 0)),
                List.of(position(0, 0), position(1, 0))).block();
        projector.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();

        assertThat(store.histories).isEqualTo(3);
        assertThat(store.advances).as("nothing written behind yet").isEmpty();
        assertThat(projector.flushDue(false)).isFalse();
        assertThat(projector.flushDue(true)).isTrue();

        assertThat(projector.flush().block()).containsExactlyInAnyOrder(position(0, 1), position(1, 0));

        assertThat(store.advances).singleElement().satisfies(advance -> {
            assertThat(advance.current()).extracting(CurrentPrice::pointId, CurrentPrice::seq)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(QWEN_LONG_INPUT, 2L),
                            org.assertj.core.groups.Tuple.tuple(DOUBAO_PRO_32K_INPUT, 1L));
            assertThat(advance.readSeqs()).containsEntry(QWEN_LONG_INPUT, 0L).containsEntry(DOUBAO_PRO_32K_INPUT, 0L);
        });
        assertThat(store.seqs).containsEntry(QWEN_LONG_INPUT, 2L);
        assertThat(projector.hasHeld()).isFalse();
    }

    @Test
    void readsOnlyPointsItHasNotMetAndComparesAndSetsFromWhatItWrote() {
        projector.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();
        projector.flush().block();
        projector.project(List.of(at(qwenCut(), 0, 1), at(doubaoListed(), 1, 0)), List.of(position(0, 1))).block();
        projector.flush().block();

        assertThat(store.reads).containsExactly(Set.of(QWEN_LONG_INPUT), Set.of(DOUBAO_PRO_32K_INPUT));
        assertThat(store.advances.get(1).readSeqs()).containsEntry(QWEN_LONG_INPUT, 1L);
    }

    @Test
    void forgetsWhatItKnewWhenAnotherWriterMovedAPoint() {
        projector.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();
        store.compareAndSetHits = false;
        projector.flush().block();

        projector.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();

        assertThat(store.reads).containsExactly(Set.of(QWEN_LONG_INPUT), Set.of(QWEN_LONG_INPUT));
    }

    @Test
    void aBatchFoldsOverTheHeldStateNotOverWhatTheStoreHasYet() {
        projector.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();

        var projected = projector.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();

        assertThat(projected.plan().placements()).containsExactly(Placement.NEXT);
        assertThat(projected.plan().gaps()).isEmpty();
    }

    @Test
    void aWriteInFlightIsWaitedForBeforeTheNextAndBeforeAnythingIsWrittenBehindIt() {
        List<Projector.Projected> written = new ArrayList<>();
        var pending = new reactor.core.publisher.Sinks.One[1];
        FakeStore slow = new FakeStore() {
            @Override
            public Mono<Stored> storeHistory(ProjectionPlan plan) {
                var sink = reactor.core.publisher.Sinks.<Stored>one();
                pending[0] = sink;
                return sink.asMono();
            }
        };
        Projector overlapping = new Projector(slow, Duration.ofHours(1), 100, written::add);

        overlapping.startProjecting(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0)), Duration.ofSeconds(5));

        assertThat(written).as("returns while the write is in flight").isEmpty();
        assertThat(overlapping.hasHeld()).isTrue();
        var flushed = overlapping.flush().toFuture();
        assertThat(flushed).as("nothing is written behind a history write in flight").isNotDone();
        assertThat(slow.advances).isEmpty();

        pending[0].tryEmitValue(new ProjectionStore.Stored(1, 0));

        assertThat(flushed.join()).containsExactly(position(0, 0));
        assertThat(written).singleElement().extracting(projected -> projected.stored().added()).isEqualTo(1);
        assertThat(slow.advances).hasSize(1);
    }

    @Test
    void aFlushStartedBehindTheNextBatchesIsNotOvertakenAndHandsOutOnlyAcknowledgedCheckpoints() {
        PendingAdvances slow = new PendingAdvances();
        Projector overlapping = new Projector(slow, Duration.ofHours(1), 100, projected -> { });
        overlapping.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();

        overlapping.startFlush(Duration.ofSeconds(5));

        assertThat(slow.advances).singleElement().satisfies(first -> {
            assertThat(first.current()).extracting(CurrentPrice::seq).containsExactly(1L);
            assertThat(first.checkpoints()).containsExactly(position(0, 0));
        });
        overlapping.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();
        assertThat(slow.histories).as("the next batch's history is written while the flush is in flight")
                .isEqualTo(2);
        assertThat(overlapping.takeFlushed()).as("nothing to commit before the flush is acknowledged").isEmpty();
        assertThat(overlapping.hasHeld()).isTrue();

        var second = overlapping.flush().toFuture();

        assertThat(second).as("a second flush waits for the first").isNotDone();
        assertThat(slow.advances).as("and does not overtake it").hasSize(1);

        slow.acknowledge(0, true);

        assertThat(slow.advances).hasSize(2);
        assertThat(second).as("the second is in flight now").isNotDone();
        slow.acknowledge(1, true);
        assertThat(second.join()).containsExactly(position(0, 0), position(0, 1));
        assertThat(slow.advances.get(1).current()).extracting(CurrentPrice::seq).containsExactly(2L);
        assertThat(slow.advances.get(1).readSeqs()).as("compares and sets from what the first flush wrote")
                .containsEntry(QWEN_LONG_INPUT, 1L);
        assertThat(slow.advances.get(1).checkpoints()).containsExactly(position(0, 1));
        assertThat(overlapping.hasHeld()).isFalse();
    }

    @Test
    void aFlushIsNotStartedBeforeTheHistoryInFlightIsAcknowledged() {
        PendingAdvances slow = new PendingAdvances();
        slow.holdHistory = true;
        Projector overlapping = new Projector(slow, Duration.ofHours(1), 100, projected -> { });
        overlapping.startProjecting(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0)), Duration.ofSeconds(5));

        assertThatThrownBy(() -> overlapping.startFlush(Duration.ofMillis(50)))
                .hasMessageContaining("Timeout");

        assertThat(slow.advances).as("no checkpoint may be written before the history it covers").isEmpty();
    }

    @Test
    void aFailedFlushInFlightFailsTheNextWaitAndItsCheckpointsAreNeverHandedOut() {
        PendingAdvances slow = new PendingAdvances();
        Projector overlapping = new Projector(slow, Duration.ofHours(1), 100, projected -> { });
        overlapping.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();
        overlapping.startFlush(Duration.ofSeconds(5));
        overlapping.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();

        slow.fail(0, new IllegalStateException("connection reset"));

        assertThatThrownBy(overlapping::takeFlushed).hasMessage("connection reset");
        assertThatThrownBy(() -> overlapping.startFlush(Duration.ofSeconds(5))).hasMessage("connection reset");
        assertThatThrownBy(() -> overlapping.flush().block()).hasMessage("connection reset");
        assertThat(slow.advances).as("the batches held behind a lost flush are never flushed past it").hasSize(1);

        overlapping.forget();
        assertThat(overlapping.hasHeld()).isFalse();
        assertThat(overlapping.takeFlushed()).isEmpty();
    }

    @Test
    void failsWhenAnotherWriterMovedAPointOfAFlushWhileLaterBatchesWereHeld() {
        projector.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();
        store.compareAndSetHits = false;
        projector.startFlush(Duration.ofSeconds(5));
        projector.project(List.of(at(qwenCut(), 0, 1)), List.of(position(0, 1))).block();

        assertThatThrownBy(projector::takeFlushed).hasMessageContaining("another writer");

        assertThatThrownBy(() -> projector.flush().block()).as("what was folded over stale seqs is not written")
                .hasMessageContaining("another writer");
        assertThat(store.advances).hasSize(1);
    }

    @Test
    void writesThroughWhenNothingMayBeHeld() {
        Projector writeThrough = new Projector(store);
        writeThrough.project(List.of(at(qwenListed(), 0, 0)), List.of(position(0, 0))).block();

        assertThat(writeThrough.flushDue(false)).isTrue();
    }

    private static SourcePosition position(int partition, long offset) {
        return new SourcePosition("price-events", partition, offset);
    }

    record Advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs, List<SourcePosition> checkpoints) {
    }

    /** Like {@link FakeStore}, but each advance (and, if asked, each history write) completes only when told. */
    static class PendingAdvances extends FakeStore {
        final List<reactor.core.publisher.Sinks.One<Boolean>> pending = new ArrayList<>();
        boolean holdHistory;

        @Override
        public Mono<Stored> storeHistory(ProjectionPlan plan) {
            if (holdHistory) {
                return reactor.core.publisher.Sinks.<Stored>one().asMono();
            }
            return super.storeHistory(plan);
        }

        @Override
        public Mono<Boolean> advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs,
                                     List<SourcePosition> checkpoints) {
            advances.add(new Advance(current, Map.copyOf(readSeqs), checkpoints));
            var sink = reactor.core.publisher.Sinks.<Boolean>one();
            pending.add(sink);
            return sink.asMono();
        }

        void acknowledge(int advance, boolean allWhereRead) {
            pending.get(advance).tryEmitValue(allWhereRead);
        }

        void fail(int advance, RuntimeException failure) {
            pending.get(advance).tryEmitError(failure);
        }
    }

    /** Keeps seqs in a map, records every call. */
    static class FakeStore implements ProjectionStore {
        final Map<PricePointId, Long> seqs = new HashMap<>();
        final List<Set<PricePointId>> reads = new ArrayList<>();
        final List<Advance> advances = new ArrayList<>();
        int histories;
        boolean compareAndSetHits = true;

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public Mono<Map<PricePointId, Long>> storedSeqs(Set<PricePointId> points) {
            if (!points.isEmpty()) {
                reads.add(Set.copyOf(points));
            }
            Map<PricePointId, Long> found = new HashMap<>();
            points.forEach(point -> {
                if (seqs.containsKey(point)) {
                    found.put(point, seqs.get(point));
                }
            });
            return Mono.just(found);
        }

        @Override
        public Mono<Stored> storeHistory(ProjectionPlan plan) {
            histories += plan.history().size();
            return Mono.just(new Stored(plan.history().size(), 0));
        }

        @Override
        public Mono<Boolean> advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs,
                                     List<SourcePosition> checkpoints) {
            advances.add(new Advance(current, Map.copyOf(readSeqs), checkpoints));
            current.forEach(price -> seqs.merge(price.pointId(), price.seq(), Math::max));
            return Mono.just(compareAndSetHits);
        }

        @Override
        public Mono<Map<Integer, Long>> checkpoints(String topic) {
            return Mono.just(Map.of());
        }
    }
}
