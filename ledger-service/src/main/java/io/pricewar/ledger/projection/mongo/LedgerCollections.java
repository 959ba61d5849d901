package io.pricewar.ledger.projection.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The collections of one generation of the projection, each named here and nowhere else.
 * Generation 0 has the plain names; a replay builds generation N in collections suffixed
 * {@code _gN} while the live one keeps serving, so that switching is a pointer change.
 */
public final class LedgerCollections {

    /** One document per event of a point, unique by (pointId, seq). */
    public static final String PRICE_HISTORY = "price_history";
    /** One document per point ({@code _id} = point id): where it stands after its newest event. */
    public static final String CURRENT_PRICES = "current_prices";
    /** One document per topic-partition: the last offset whose records are stored. */
    public static final String CHECKPOINTS = "ledger_checkpoints";
    /** Seq gaps found in the log, one document per point and seq found after the gap. */
    public static final String GAPS = "ledger_gaps";

    private final MongoDatabase database;
    private final long generation;

    public LedgerCollections(MongoDatabase database) {
        this(database, 0);
    }

    public LedgerCollections(MongoDatabase database, long generation) {
        this.database = database;
        this.generation = generation;
    }

    public long generation() {
        return generation;
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> history() {
        return database.getCollection(name(PRICE_HISTORY));
    }

    public MongoCollection<Document> current() {
        return database.getCollection(name(CURRENT_PRICES));
    }

    public MongoCollection<Document> checkpoints() {
        return database.getCollection(name(CHECKPOINTS));
    }

    public MongoCollection<Document> gaps() {
        return database.getCollection(name(GAPS));
    }

    private String name(String base) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /**
     * The unique (pointId, seq) index is what makes a redelivered event a no-op. The single-field
     * indexes serve the time-window queries (changes feed, audit, as-of); compound ones would be
     * ignored by the in-JVM server. The current prices' (_id, seq) index is redundant on a real
     * mongod, but the in-JVM server uses an index only for a query naming exactly its fields, and
     * without it every compare-and-set of a current price would scan the whole collection.
     */
    public Mono<Void> ensureIndexes() {
        return Mono.from(history().createIndex(
                        Indexes.ascending(LedgerDocuments.POINT_ID, LedgerDocuments.SEQ),
                        new IndexOptions().unique(true).name("pointId_seq_unique")))
                .then(Mono.from(current().createIndex(Indexes.ascending(LedgerDocuments.ID, LedgerDocuments.SEQ),
                        new IndexOptions().unique(true).name("id_seq_unique"))))
                .thenMany(Flux.fromIterable(List.of(LedgerDocuments.OBSERVED_AT, LedgerDocuments.VENDOR))
                        .concatMap(field -> history().createIndex(Indexes.ascending(field))))
                .then();
    }

    /** Drops every collection of this generation; used for a failed or superseded replay. */
    public Mono<Void> drop() {
        return Flux.just(history(), current(), checkpoints(), gaps())
                .concatMap(MongoCollection::drop)
                .then();
    }
}
