package io.pricewar.ledger.projection.mongo;

import io.pricewar.ledger.projection.ProjectionChecksum;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
}
