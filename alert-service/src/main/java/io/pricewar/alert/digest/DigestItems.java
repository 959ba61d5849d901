package io.pricewar.alert.digest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

/**
 * The {@code digest_items} collection: notifications held for daily digests. An item is unsent
 * while {@code sentIn} is null; it is set to the id of the digest delivery that lists it (or to
 * {@link #CANCELLED}), only ever from null, so an item is listed by one digest at most.
 */
@Repository
class DigestItems {

    /** {@code sentIn} of the items of a subscription deleted before its digest was due. */
    static final String CANCELLED = "CANCELLED";

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;

    DigestItems(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.DIGEST_ITEMS);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(
                new IndexModel(Indexes.ascending("sentIn", "closesAt")),
                new IndexModel(Indexes.ascending("subscriptionId", "day"))))).block(INDEX_TIMEOUT);
    }

    /**
     * Holds the items, given in log order; an item collected before (a re-read event) is left as
     * it was. A batch's items share one {@code collectedAt}, so each also keeps its place in the
     * batch ({@code position}), which orders them within it.
     */
    Mono<Void> collectAll(List<DigestItem> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        List<Document> documents = IntStream.range(0, items.size())
                .mapToObj(i -> toDocument(items.get(i)).append("position", i)).toList();
        return Mono.from(collection.insertMany(documents,
                        new InsertManyOptions().ordered(false)))
                .then()
                .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicates(e) ? Mono.empty() : Mono.error(e));
    }

    /** Unsent items whose digest day ended at or before {@code now}, the earliest first. */
    Flux<DigestItem> due(Instant now, int limit) {
        return Flux.from(collection.find(and(eq("sentIn", null), lte("closesAt", Date.from(now))))
                        .sort(Sorts.ascending("closesAt")).limit(limit))
                .map(DigestItems::fromDocument);
    }

    /** The unsent items of one digest, in the order they were collected. */
    Flux<DigestItem> unsentOf(DigestItem.DigestKey key) {
        return Flux.from(collection.find(and(eq("subscriptionId", key.subscriptionId()),
                        eq("day", key.day().toString()), eq("sentIn", null)))
                        .sort(Sorts.ascending("collectedAt", "position", "_id")))
                .map(DigestItems::fromDocument);
    }

    /** Records that the digest {@code sentIn} lists these items. */
    Mono<Void> markSent(Collection<String> ids, String sentIn) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(collection.updateMany(and(in("_id", ids), eq("sentIn", null)), Updates.set("sentIn", sentIn)))
                .then();
    }

    /** Moves unsent items to the next digest day. */
    Mono<Void> postpone(Collection<DigestItem> late) {
        return Flux.fromIterable(late)
                .map(DigestItem::nextDay)
                .concatMap(next -> Mono.from(collection.updateOne(and(eq("_id", next.id()), eq("sentIn", null)),
                        Updates.combine(Updates.set("day", next.day().toString()),
                                Updates.set("opensAt", Date.from(next.opensAt())),
                                Updates.set("closesAt", Date.from(next.closesAt()))))))
                .then();
    }

    /** Gives up the unsent items of a digest whose subscription is gone. */
    Mono<Void> cancel(DigestItem.DigestKey key) {
        return Mono.from(collection.updateMany(and(eq("subscriptionId", key.subscriptionId()),
                eq("day", key.day().toString()), eq("sentIn", null)), Updates.set("sentIn", CANCELLED))).then();
    }

    /** Every item of a subscription, sent or not, for tests and operators. */
    Flux<Document> ofSubscription(String subscriptionId) {
        return Flux.from(collection.find(eq("subscriptionId", subscriptionId)).sort(Sorts.ascending("collectedAt")));
    }

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    private static Document toDocument(DigestItem item) {
        return new Document("_id", item.id())
                .append("subscriptionId", item.subscriptionId())
                .append("eventId", item.eventId())
                .append("day", item.day().toString())
                .append("zone", item.zone())
                .append("opensAt", Date.from(item.opensAt()))
                .append("closesAt", Date.from(item.closesAt()))
                .append("collectedAt", Date.from(item.collectedAt()))
                .append("notification", item.notification())
                .append("sentIn", null);
    }

    private static DigestItem fromDocument(Document d) {
        return new DigestItem(d.getString("_id"), d.getString("subscriptionId"), d.getString("eventId"),
                LocalDate.parse(d.getString("day")), d.getString("zone"), d.getDate("opensAt").toInstant(),
                d.getDate("closesAt").toInstant(), d.getDate("collectedAt").toInstant(), d.getString("notification"));
    }
}
