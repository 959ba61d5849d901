package io.pricewar.alert.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
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
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

/**
 * The {@code deliveries} collection. Every state change is conditional on the delivery still
 * being PENDING, and a failure also on the sender still holding its lease, so a late outcome
 * from a sender whose lease ran out cannot undo a later one. No change is a transaction: each is
 * one conditional update of one document.
 *
 * <p>Every conditional update filters on exactly the fields of a unique index that starts with
 * {@code _id}: {@code (_id, status)} or {@code (_id, status, leaseUntil)}, all equalities. MongoDB
 * finds the document by {@code _id} either way; the in-JVM server (tests, the local stack) uses
 * an index only when its fields equal the filter's, and otherwise scans the whole collection for
 * every update, which made each delivery cost in proportion to the outbox's size. Outcomes
 * recorded at about the same time share a bulk write ({@link BulkUpdates}).
 */
@Repository
class DeliveryOutbox {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);
    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String LEASE_UNTIL = "leaseUntil";

    /** Outcomes per bulk write: a price-war event's worth arrives within milliseconds. */
    private static final int MAX_BULK = 500;

    private final MongoCollection<Document> collection;
    private final BulkUpdates updates;

    DeliveryOutbox(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.DELIVERIES);
        this.updates = new BulkUpdates(collection, MAX_BULK);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(
                new IndexModel(Indexes.ascending("subscriptionId", "createdAt")),
                new IndexModel(Indexes.ascending("status", "leaseUntil")),
                new IndexModel(Indexes.ascending(ID, STATUS), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending(ID, STATUS, LEASE_UNTIL), new IndexOptions().unique(true)))))
                .block(INDEX_TIMEOUT);
    }

    /** Emits false when the (subscription, event) pair was recorded before: it is already handled. */
    Mono<Boolean> insertIfAbsent(Delivery delivery) {
        return Mono.from(collection.insertOne(toDocument(delivery)))
                .thenReturn(true)
                .onErrorResume(DeliveryOutbox::isDuplicateKey, duplicate -> Mono.just(false));
    }

    /**
     * Inserts unordered, so one pair recorded before does not stop the rest; emits the
     * deliveries that are new.
     */
    Mono<List<Delivery>> insertAllIfAbsent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.from(collection.insertMany(deliveries.stream().map(DeliveryOutbox::toDocument).toList(),
                        new InsertManyOptions().ordered(false)))
                .thenReturn(deliveries)
                .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicates(e)
                        ? Mono.just(withoutFailed(deliveries, e)) : Mono.error(e));
    }

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    private static List<Delivery> withoutFailed(List<Delivery> deliveries, MongoBulkWriteException e) {
        Set<Integer> failed = new HashSet<>();
        e.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
        return IntStream.range(0, deliveries.size()).filter(i -> !failed.contains(i))
                .mapToObj(deliveries::get).toList();
    }

    /**
     * Takes over pending deliveries that are due at {@code now} (a retry whose time came, or one
     * whose sender died), leasing each until {@code until}.
     */
    Flux<Delivery> claimDue(Instant now, Instant until, int limit) {
        Bson due = and(eq(STATUS, DeliveryStatus.PENDING.name()), lt(LEASE_UNTIL, Date.from(now)));
        return Flux.from(collection.find(due).sort(Sorts.ascending(LEASE_UNTIL)).limit(limit))
                .concatMap(candidate -> claim(candidate.getString(ID), candidate.getDate(LEASE_UNTIL), until));
    }

    /** Success wins whoever holds the lease: the receiver has it, so it must never be sent again. */
    Mono<Void> markDelivered(String id, int status, Instant at) {
        return update(pending(id), Updates.combine(Updates.set("status", DeliveryStatus.DELIVERED.name()),
                Updates.set("deliveredAt", Date.from(at)), Updates.set("lastStatus", status),
                Updates.inc("attempts", 1)));
    }

    /** Records a failed attempt and when to try again, if {@code lease} still holds it. */
    Mono<Void> reschedule(String id, Instant lease, Instant nextAttempt, String reason, Integer status) {
        return update(leased(id, lease), Updates.combine(Updates.set("leaseUntil", Date.from(nextAttempt)),
                Updates.set("failureReason", reason), Updates.set("lastStatus", status),
                Updates.inc("attempts", 1)));
    }

    /** Gives up on a delivery after an attempt, if {@code lease} still holds it. */
    Mono<Void> deadLetter(String id, Instant lease, String reason, Integer status) {
        return update(leased(id, lease), Updates.combine(Updates.set("status", DeliveryStatus.DEAD_LETTERED.name()),
                Updates.set("failureReason", reason), Updates.set("lastStatus", status),
                Updates.inc("attempts", 1)));
    }

    /** Stops a delivery that was not attempted, because what it was for is gone. */
    Mono<Void> close(String id, Instant lease, DeliveryStatus status, String reason) {
        return update(leased(id, lease), Updates.combine(Updates.set("status", status.name()),
                Updates.set("failureReason", reason)));
    }

    Flux<Delivery> findBySubscription(String subscriptionId) {
        return Flux.from(collection.find(eq("subscriptionId", subscriptionId)).sort(Sorts.ascending("createdAt")))
                .map(DeliveryOutbox::fromDocument);
    }

    /** Uses the (subscriptionId, createdAt) index. */
    Flux<Delivery> findRecordedSince(Collection<String> subscriptionIds, Instant since) {
        if (subscriptionIds.isEmpty()) {
            return Flux.empty();
        }
        return Flux.from(collection.find(and(in("subscriptionId", subscriptionIds), gte("createdAt", Date.from(since))))
                        .sort(Sorts.ascending("createdAt")))
                .map(DeliveryOutbox::fromDocument);
    }

    Mono<Delivery> findById(String id) {
        return Mono.from(collection.find(eq("_id", id)).first()).map(DeliveryOutbox::fromDocument);
    }

    /**
     * Emits the delivery if this caller won it; another replica's sweeper may claim it first. The
     * lease it was due under must still be the one seen: anyone who took it since set another.
     */
    private Mono<Delivery> claim(String id, Date dueLease, Instant until) {
        return Mono.from(collection.findOneAndUpdate(leased(id, dueLease),
                        Updates.set(LEASE_UNTIL, Date.from(until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(DeliveryOutbox::fromDocument);
    }

    private static Document pending(String id) {
        return new Document(ID, id).append(STATUS, DeliveryStatus.PENDING.name());
    }

    /** Pending and still leased as this sender last leased it: no other sender took it over since. */
    private static Document leased(String id, Instant lease) {
        return leased(id, Date.from(lease));
    }

    private static Document leased(String id, Date lease) {
        return pending(id).append(LEASE_UNTIL, lease);
    }

    private Mono<Void> update(Bson filter, Bson update) {
        return updates.updateOne(filter, update);
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
                .append("failureReason", d.failureReason())
                .append("lastStatus", d.lastStatus());
    }

    private static Delivery fromDocument(Document d) {
        return new Delivery(d.getString("_id"), d.getString("subscriptionId"), d.getString("eventId"),
                URI.create(d.getString("webhookUrl")), d.getString("payload"),
                DeliveryStatus.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                instant(d, "createdAt"), instant(d, "leaseUntil"), instant(d, "deliveredAt"),
                d.getString("failureReason"), d.getInteger("lastStatus"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
