package io.pricewar.alert.matching;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Blended judgements waiting for their model's meters to settle. Recorded before the triggering
 * record's offset is committed, and taken by a replica with a lease (as deliveries are), so a
 * crash neither loses nor doubles one: what it records is keyed by the check.
 */
@Repository
class ModelChecks {

    private final MongoCollection<Document> collection;

    ModelChecks(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.MODEL_CHECKS);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(new IndexModel(Indexes.ascending("done", "dueAt")))))
                .block(Duration.ofSeconds(30));
    }

    /** Records the check due at {@code dueAt}; a check of the same observation recorded before stands. */
    Mono<Void> schedule(ModelCheck check, Instant dueAt) {
        Document doc = new Document("_id", check.id()).append("vendor", check.vendor()).append("model", check.model())
                .append("tier", check.tier()).append("observedAt", Date.from(check.observedAt()))
                .append("appendedAt", Date.from(check.appendedAt())).append("dueAt", Date.from(dueAt))
                .append("done", false);
        return Mono.from(collection.insertOne(doc)).then()
                .onErrorResume(ModelChecks::isDuplicateKey, recorded -> Mono.empty());
    }

    /** Takes due checks, leasing each until {@code until}; another replica may win some first. */
    Flux<ModelCheck> claimDue(Instant now, Instant until, int limit) {
        Bson due = Filters.and(Filters.eq("done", false), Filters.lte("dueAt", Date.from(now)));
        return Flux.from(collection.find(due).sort(Sorts.ascending("dueAt")).limit(limit))
                .concatMap(candidate -> Mono.from(collection.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", candidate.getString("_id")), due),
                        Updates.set("dueAt", Date.from(until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(ModelChecks::fromDocument);
    }

    Mono<Void> done(ModelCheck check) {
        return Mono.from(collection.updateOne(Filters.eq("_id", check.id()), Updates.set("done", true))).then();
    }

    private static ModelCheck fromDocument(Document d) {
        return new ModelCheck(d.getString("vendor"), d.getString("model"), d.getString("tier"),
                d.getDate("observedAt").toInstant(), d.getDate("appendedAt").toInstant());
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
