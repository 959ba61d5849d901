package io.pricewar.alert.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * The {@code deliveries} collection. Every state change is conditional on the delivery still
 * being PENDING, so a late outcome from a sender whose lease ran out cannot undo a later one.
 */
@Repository
class DeliveryOutbox {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;

    DeliveryOutbox(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.DELIVERIES);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(
                new IndexModel(Indexes.ascending("subscriptionId", "createdAt")),
                new IndexModel(Indexes.ascending("status", "leaseUntil"))))).block(INDEX_TIMEOUT);
    }

    /** Emits false when the (subscription, event) pair was recorded before: it is already handled. */
    Mono<Boolean> insertIfAbsent(Delivery delivery) {
        return Mono.from(collection.insertOne(toDocument(delivery)))
                .thenReturn(true)
                .onErrorResume(DeliveryOutbox::isDuplicateKey, duplicate -> Mono.just(false));
    }

    /** Takes over pending deliveries whose lease ran out at {@code now}, leasing each until {@code until}. */
    Flux<Delivery> claimExpired(Instant now, Instant until, int limit) {
        Bson expired = and(eq("status", DeliveryStatus.PENDING.name()), lt("leaseUntil", Date.from(now)));
        return Flux.from(collection.find(expired).limit(limit))
                .concatMap(candidate -> claim(candidate.getString("_id"), expired, until));
    }

    Mono<Void> markDelivered(String id, int attempts, Instant at) {
        return finish(id, Updates.combine(Updates.set("status", DeliveryStatus.DELIVERED.name()),
                Updates.set("deliveredAt", Date.from(at)), Updates.inc("attempts", attempts)));
    }

    Mono<Void> markFailed(String id, int attempts, String reason) {
        return finish(id, Updates.combine(Updates.set("status", DeliveryStatus.FAILED.name()),
                Updates.set("failureReason", reason), Updates.inc("attempts", attempts)));
    }

    Flux<Delivery> findBySubscription(String subscriptionId) {
        return Flux.from(collection.find(eq("subscriptionId", subscriptionId)).sort(Sorts.ascending("createdAt")))
                .map(DeliveryOutbox::fromDocument);
    }

    /** Emits the delivery if this caller won it; another replica's sweeper may claim it first. */
    private Mono<Delivery> claim(String id, Bson expired, Instant until) {
        return Mono.from(collection.findOneAndUpdate(and(eq("_id", id), expired),
                        Updates.set("leaseUntil", Date.from(until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(DeliveryOutbox::fromDocument);
    }

    private Mono<Void> finish(String id, Bson update) {
        return Mono.from(collection.updateOne(and(eq("_id", id), eq("status", DeliveryStatus.PENDING.name())),
                update)).then();
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static Document toDocument(Delivery d) {
        return new Document("_id", d.id())
                .append("subscriptionId", d.subscriptionId())
                .append("eventId", d.eventId())
                .append("webhookUrl", d.webhookUrl().toString())
                .append("payload", d.payload())
                .append("status", d.status().name())
                .append("attempts", d.attempts())
                .append("createdAt", Date.from(d.createdAt()))
                .append("leaseUntil", Date.from(d.leaseUntil()))
                .append("deliveredAt", d.deliveredAt() == null ? null : Date.from(d.deliveredAt()))
                .append("failureReason", d.failureReason());
    }

    private static Delivery fromDocument(Document d) {
        return new Delivery(d.getString("_id"), d.getString("subscriptionId"), d.getString("eventId"),
                URI.create(d.getString("webhookUrl")), d.getString("payload"),
                DeliveryStatus.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                instant(d, "createdAt"), instant(d, "leaseUntil"), instant(d, "deliveredAt"),
                d.getString("failureReason"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
