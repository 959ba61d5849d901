package io.pricewar.ledger.projection.mongo;

import com.mongodb.client.model.Filters;
import io.pricewar.ledger.projection.ProjectionChecksum;
import org.bson.conversions.Bson;
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
     * the part two generations have both projected, whatever else each has read since.
     */
    public static Mono<ProjectionChecksum.Result> historyUpTo(LedgerCollections collections, String topic,
                                                             Map<Integer, Long> lastOffsets) {
        ProjectionChecksum checksum = new ProjectionChecksum();
        return Flux.fromIterable(lastOffsets.entrySet())
                .concatMap(bound -> collections.history().find(upTo(topic, bound.getKey(), bound.getValue()))
                        .batchSize(READ_BATCH))
                .doOnNext(doc -> checksum.addHistory(LedgerDocuments.historyEntry(doc)))
                .then(Mono.fromSupplier(checksum::result));
    }

    private static Bson upTo(String topic, int partition, long offset) {
        return Filters.and(Filters.eq(LedgerDocuments.SOURCE + "." + LedgerDocuments.TOPIC, topic),
                Filters.eq(LedgerDocuments.SOURCE_PARTITION, partition),
                Filters.lte(LedgerDocuments.SOURCE_OFFSET, offset));
    }
}
