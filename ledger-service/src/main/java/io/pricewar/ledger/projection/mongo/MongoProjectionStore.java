package io.pricewar.ledger.projection.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.ProjectionPlan;
import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.SourcePosition;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a plan with unordered bulk writes, one per collection, in an order that makes a crash
 * between any two of them harmless: history and gaps first, then current prices (a point only
 * moves on once its history is in), then checkpoints. A replay finds the same heads and redoes
 * exactly what was missing; gaps are written with the history, before the point moves on,
 * because once it has moved on a replay no longer sees them.
 */
public final class MongoProjectionStore implements ProjectionStore {

    /** Unordered, so that one duplicate does not stop the writes after it. */
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final LedgerCollections collections;
    private final StoreFaults faults;

    public MongoProjectionStore(LedgerCollections collections) {
        this(collections, StoreFaults.NONE);
    }

    public MongoProjectionStore(LedgerCollections collections, StoreFaults faults) {
        this.collections = collections;
        this.faults = faults;
    }

    @Override
    public long generation() {
        return collections.generation();
    }

    @Override
    public Mono<Map<Integer, Long>> checkpoints(String topic) {
        return Flux.from(collections.checkpoints().find(Filters.eq(LedgerDocuments.TOPIC, topic)))
                .collectMap(doc -> ((Number) doc.get(LedgerDocuments.PARTITION)).intValue(),
                        doc -> ((Number) doc.get(LedgerDocuments.OFFSET)).longValue());
    }

    @Override
    public Mono<Map<PricePointId, Long>> storedSeqs(Set<PricePointId> points) {
        if (points.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = points.stream().map(PricePointId::toString).toList();
        return Flux.from(collections.current().find(Filters.in(LedgerDocuments.ID, ids))
                        .projection(Projections.include(LedgerDocuments.SEQ)))
                .collectMap(doc -> PricePointId.parse(doc.getString(LedgerDocuments.ID)), LedgerDocuments::seq);
    }

    @Override
    public Mono<Stored> storeHistory(ProjectionPlan plan) {
        return Mono.zip(insertHistory(plan), recordGaps(plan), (history, gaps) -> history)
                .doOnNext(history -> faults.reached(StoreFaults.Step.HISTORY_WRITTEN))
                .map(history -> new Stored(history.written(), history.duplicates()));
    }

    @Override
    public Mono<Boolean> advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs,
                                 List<SourcePosition> checkpoints) {
        return advanceCurrent(current, readSeqs)
                .doOnNext(allWhereRead -> faults.reached(StoreFaults.Step.CURRENT_WRITTEN))
                .flatMap(allWhereRead -> saveCheckpoints(checkpoints).thenReturn(allWhereRead))
                .doOnNext(allWhereRead -> faults.reached(StoreFaults.Step.CHECKPOINT_WRITTEN));
    }

    private Mono<Bulk> insertHistory(ProjectionPlan plan) {
        return bulk(collections.history(), plan.history().stream()
                .<WriteModel<Document>>map(entry -> new InsertOneModel<>(LedgerDocuments.history(entry)))
                .toList());
    }

    private Mono<Bulk> recordGaps(ProjectionPlan plan) {
        return bulk(collections.gaps(), plan.gaps().stream()
                .<WriteModel<Document>>map(gap -> new InsertOneModel<>(LedgerDocuments.gap(gap)))
                .toList());
    }

    /**
     * Moves each point on from the seq the batch read, as a compare-and-set on that exact seq (or
     * an insert for a point the store did not have), so that every write finds its document by
     * equality on {@code (_id, seq)}, which an index answers on any server. The filter is a plain
     * document because {@code Filters.and} renders as {@code $and}, which the in-JVM server never
     * takes to an index. If any write misses, another writer moved a point meanwhile (a rebalance,
     * a stale plan); the whole list is then written again with {@link #advanceIfNewer}, which
     * settles each point at the higher seq.
     */
    private Mono<Boolean> advanceCurrent(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs) {
        if (current.isEmpty()) {
            return Mono.just(true);
        }
        return Mono.from(collections.current().bulkWrite(compareAndSet(current, readSeqs), UNORDERED))
                .map(result -> result.getMatchedCount() + result.getInsertedCount())
                .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicateKeys(e)
                        ? Mono.just(e.getWriteResult().getMatchedCount() + e.getWriteResult().getInsertedCount())
                        : Mono.error(e))
                .flatMap(applied -> applied == current.size() ? Mono.just(true)
                        : advanceIfNewer(current).thenReturn(false));
    }

    private static List<WriteModel<Document>> compareAndSet(List<CurrentPrice> current,
                                                            Map<PricePointId, Long> readSeqs) {
        return current.stream().<WriteModel<Document>>map(point -> {
            long read = readSeqs.getOrDefault(point.pointId(), 0L);
            Document next = LedgerDocuments.current(point);
            return read == 0 ? new InsertOneModel<>(next) : new ReplaceOneModel<>(
                    new Document(LedgerDocuments.ID, point.pointId().toString()).append(LedgerDocuments.SEQ, read),
                    next);
        }).toList();
    }

    /**
     * Replaces a point's document only if it stands at a lower seq. If it stands at the same or a
     * higher seq the filter matches nothing, the upsert tries to insert its {@code _id} again and
     * gets a duplicate key: the point is already further on, which is not an error.
     */
    private Mono<Bulk> advanceIfNewer(List<CurrentPrice> current) {
        return bulk(collections.current(), current.stream()
                .<WriteModel<Document>>map(point -> new ReplaceOneModel<>(
                        Filters.and(Filters.eq(LedgerDocuments.ID, point.pointId().toString()),
                                Filters.lt(LedgerDocuments.SEQ, point.seq())),
                        LedgerDocuments.current(point),
                        new ReplaceOptions().upsert(true)))
                .toList());
    }

    /** {@code $max}, so that a replayed older batch cannot move a checkpoint back. */
    private Mono<Bulk> saveCheckpoints(List<SourcePosition> checkpoints) {
        return bulk(collections.checkpoints(), checkpoints.stream()
                .<WriteModel<Document>>map(position -> new UpdateOneModel<>(
                        Filters.eq(LedgerDocuments.ID, LedgerDocuments.checkpointId(position)),
                        Updates.combine(
                                Updates.setOnInsert(LedgerDocuments.checkpointKey(position)),
                                Updates.max(LedgerDocuments.OFFSET, position.offset())),
                        new UpdateOptions().upsert(true)))
                .toList());
    }

    private static Mono<Bulk> bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return Mono.just(new Bulk(0, 0));
        }
        return Mono.from(collection.bulkWrite(writes, UNORDERED))
                .map(result -> new Bulk(writes.size(), 0))
                .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicateKeys(e)
                        ? Mono.just(new Bulk(writes.size() - e.getWriteErrors().size(), e.getWriteErrors().size()))
                        : Mono.error(e));
    }

    private static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteConcernError() == null && e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /** How many writes of a bulk took effect, and how many a unique key turned away. */
    private record Bulk(int written, int duplicates) {
    }
}
