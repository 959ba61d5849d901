package io.pricewar.ledger.projection.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** The ledger's collections, each named here and nowhere else. */
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

    public LedgerCollections(MongoDatabase database) {
        this.database = database;
    }

    public MongoCollection<Document> history() {
        return database.getCollection(PRICE_HISTORY);
    }

    public MongoCollection<Document> current() {
        return database.getCollection(CURRENT_PRICES);
    }

    public MongoCollection<Document> checkpoints() {
        return database.getCollection(CHECKPOINTS);
    }

    public MongoCollection<Document> gaps() {
        return database.getCollection(GAPS);
    }

    /** The unique (pointId, seq) index is what makes a redelivered event a no-op. */
    public Mono<Void> ensureIndexes() {
        return Mono.from(history().createIndex(
                        Indexes.ascending(LedgerDocuments.POINT_ID, LedgerDocuments.SEQ),
                        new IndexOptions().unique(true).name("pointId_seq_unique")))
                .then();
    }
}
