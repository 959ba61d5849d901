package io.pricewar.ledger.replay.run;

import com.mongodb.client.model.Sorts;
import io.pricewar.events.HashChain;
import io.pricewar.events.PricePointId;
import io.pricewar.ledger.audit.ChainCheck;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.LedgerDocuments;
import io.pricewar.ledger.projection.mongo.ProjectionDigests;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass over a generation's history, in whatever order the server returns it, giving what a
 * replay's verification needs: the entries it holds, the points whose hash chain is broken, and
 * the checksum of the part both generations have read. Chains are followed link by link as the
 * entries arrive; only the points whose entries arrive out of seq order are checked again, in a
 * pass sorted by (pointId, seq). Sorting the whole history is what a replay's verification used
 * to spend most of its time on: the in-JVM server sorts in memory, a million documents at a time.
 */
final class GenerationScan {

    /** @param overlapChecksum history checksum of the entries read at or below the overlap offsets */
    record Result(long entries, long brokenChains, String overlapChecksum) {
    }

    private GenerationScan() {
    }

    static Mono<Result> of(LedgerCollections collections, String topic, Map<Integer, Long> overlap) {
        return Mono.defer(() -> {
            ProjectionChecksum checksum = new ProjectionChecksum();
            Map<PricePointId, Chain> chains = new HashMap<>();
            long[] entries = {0};
            return Flux.from(collections.history().find().batchSize(ProjectionDigests.READ_BATCH))
                    .map(LedgerDocuments::historyEntry)
                    .doOnNext(entry -> {
                        entries[0]++;
                        if (upTo(entry.source(), topic, overlap)) {
                            checksum.addHistory(entry);
                        }
                        chains.computeIfAbsent(entry.pointId(), point -> new Chain()).add(entry);
                    })
                    .then(Mono.defer(() -> {
                        long broken = chains.values().stream().filter(chain -> chain.broken).count();
                        Set<PricePointId> unsure = chains.entrySet().stream()
                                .filter(chain -> chain.getValue().outOfOrder)
                                .map(Map.Entry::getKey).collect(Collectors.toSet());
                        return (unsure.isEmpty() ? Mono.just(0L) : brokenInSeqOrder(collections, unsure))
                                .map(more -> new Result(entries[0], broken + more, checksum.result().history()));
                    }));
        });
    }

    private static boolean upTo(SourcePosition source, String topic, Map<Integer, Long> overlap) {
        Long last = overlap.get(source.partition());
        return source.topic().equals(topic) && last != null && source.offset() <= last;
    }

    /** Points among {@code points} whose chain is broken, from one pass sorted by (pointId, seq). */
    private static Mono<Long> brokenInSeqOrder(LedgerCollections collections, Set<PricePointId> points) {
        return Flux.from(collections.history().find()
                        .sort(Sorts.ascending(LedgerDocuments.POINT_ID, LedgerDocuments.SEQ))
                        .batchSize(ProjectionDigests.READ_BATCH))
                .map(LedgerDocuments::historyEntry)
                .filter(entry -> points.contains(entry.pointId()))
                .bufferUntilChanged(HistoryEntry::pointId)
                .map(entries -> ChainCheck.verify(entries.getFirst().pointId(), entries))
                .filter(report -> !report.intact())
                .count();
    }

    /** A point's chain as far as its entries have arrived in seq order. */
    private static final class Chain {
        private final HashChain.Walk walk = new HashChain.Walk();
        boolean broken;
        boolean outOfOrder;

        void add(HistoryEntry entry) {
            if (broken || outOfOrder) {
                return;
            }
            if (entry.seq() != walk.expectedSeq()) {
                outOfOrder = true;
                return;
            }
            try {
                broken = walk.next(entry.toEvent()).isPresent();
            } catch (RuntimeException e) {
                broken = true; // a stored entry that no longer makes an event
            }
        }
    }
}
