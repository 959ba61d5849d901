package io.pricewar.ledger.projection.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;

/**
 * Which generation of the projection is live. The answer is one pointer document, so that a
 * replay switches every reader at once with a single-document write (atomic in MongoDB, and no
 * transaction needed); this instance caches it and re-reads it, so other replicas follow.
 */
public final class LedgerGenerations {

    /** One document, {@code _id = "live"}: the generation queries read and the projection writes. */
    public static final String POINTER = "ledger_generation";

    private static final String LIVE_ID = "live";
    private static final String GENERATION = "generation";
    private static final String SWITCHED_AT = "switchedAt";

    private final MongoDatabase database;
    private volatile LedgerCollections live;

    public LedgerGenerations(MongoDatabase database) {
        this.database = database;
        this.live = new LedgerCollections(database, 0);
    }

    /** The live generation as last read; never blocks. */
    public LedgerCollections live() {
        return live;
    }

    public LedgerCollections generation(long number) {
        return new LedgerCollections(database, number);
    }

    /** Re-reads the pointer; an absent pointer means generation 0, the collections' plain names. */
    public Mono<LedgerCollections> refresh() {
        return Mono.from(database.getCollection(POINTER).find(Filters.eq("_id", LIVE_ID)).first())
                .map(doc -> ((Number) doc.get(GENERATION)).longValue())
                .defaultIfEmpty(0L)
                .map(this::adopt);
    }

    /** Points every reader at {@code number}: one document replaced, so the switch is atomic. */
    public Mono<LedgerCollections> switchTo(long number) {
        Document pointer = new Document("_id", LIVE_ID).append(GENERATION, number)
                .append(SWITCHED_AT, Date.from(Instant.now()));
        return Mono.from(database.getCollection(POINTER)
                        .replaceOne(Filters.eq("_id", LIVE_ID), pointer, new ReplaceOptions().upsert(true)))
                .thenReturn(number)
                .map(this::adopt);
    }

    /** Generations with collections in the database, the live one included. */
    public Flux<Long> existing() {
        return Flux.from(database.listCollectionNames())
                .filter(name -> name.startsWith(LedgerCollections.PRICE_HISTORY))
                .map(name -> name.equals(LedgerCollections.PRICE_HISTORY) ? 0L
                        : Long.parseLong(name.substring(name.lastIndexOf("_g") + 2)))
                .distinct();
    }

    private LedgerCollections adopt(long number) {
        if (live.generation() != number) {
            live = generation(number);
        }
        return live;
    }
}
