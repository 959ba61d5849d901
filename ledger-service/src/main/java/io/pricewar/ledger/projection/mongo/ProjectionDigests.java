package io.pricewar.ledger.projection.mongo;

import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.SourcePosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Streams a generation's collections once into a {@link ProjectionChecksum}. */
public final class ProjectionDigests {

    /**
     * Documents per reply when streaming a whole collection: without it the in-JVM server puts a
     * sorted or large result in one reply, past the 48 MB a wire message may hold.
     */
    public static final int READ_BATCH = 1_000;

    private ProjectionDigests() {
    }

    /** Over the whole generation: history and current prices. */
    public static Mono<ProjectionChecksum.Result> of(LedgerCollections collections) {
        ProjectionChecksum checksum = new ProjectionChecksum();
        return Flux.from(collections.history().find().batchSize(READ_BATCH))
                .doOnNext(doc -> checksum.addHistory(LedgerDocuments.historyEntry(doc)))
                .thenMany(Flux.from(collections.current().find().batchSize(READ_BATCH)))
                .doOnNext(doc -> checksum.addCurrent(LedgerDocuments.currentPrice(doc)))
                .then(Mono.fromSupplier(checksum::result));
    }

    /**
     * Over the history entries read at or below the given offset of each partition of the topic:
     * the part two generations have both projected, whatever else each has read since. One pass
     * over the collection, filtered here: a query per partition would cost a full scan each on a
     * server without an index on the source position.
     */
    public static Mono<ProjectionChecksum.Result> historyUpTo(LedgerCollections collections, String topic,
                                                             Map<Integer, Long> lastOffsets) {
        ProjectionChecksum checksum = new ProjectionChecksum();
        return Flux.from(collections.history().find().batchSize(READ_BATCH))
                .map(LedgerDocuments::historyEntry)
                .filter(entry -> upTo(entry.source(), topic, lastOffsets))
                .doOnNext(checksum::addHistory)
                .then(Mono.fromSupplier(checksum::result));
    }

    private static boolean upTo(SourcePosition source, String topic, Map<Integer, Long> lastOffsets) {
        Long last = lastOffsets.get(source.partition());
        return source.topic().equals(topic) && last != null && source.offset() <= last;
    }
}
