package io.pricewar.alert.matching;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Cooldown windows, one document per (subscription, point or model): a firing claims the window
 * with one conditional upsert, so replicas agree without a lock and a flapping price notifies at
 * most once per window. Windows run on the log's clock (when events were appended), so a replay
 * decides as the first reading did. The event that claimed a window may claim it again: a record
 * re-read after a crash between the claim and the outbox write is then still delivered.
 */
@Repository
class Cooldowns {

    private final MongoCollection<Document> collection;

    Cooldowns(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.COOLDOWNS);
    }

    /** Emits true when {@code eventId} may notify on {@code key}; false while another holds the window. */
    Mono<Boolean> claim(String key, String eventId, Instant at, Duration window) {
        if (window.isZero()) {
            return Mono.just(true);
        }
        var filter = Filters.and(Filters.eq("_id", key),
                Filters.or(Filters.lte("until", Date.from(at)), Filters.eq("eventId", eventId)));
        var update = Updates.combine(Updates.set("until", Date.from(at.plus(window))), Updates.set("eventId", eventId),
                Updates.set("claimedAt", Date.from(at)));
        return Mono.from(collection.updateOne(filter, update, new UpdateOptions().upsert(true)))
                .thenReturn(true)
                .onErrorResume(Cooldowns::isDuplicateKey, heldByAnother -> Mono.just(false));
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
