package io.pricewar.alert.owner;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Date;

/**
 * The {@code owners} collection: one document per owner holding its key's hash (never the key),
 * its quotas and a count of its subscriptions that is changed only conditionally, so concurrent
 * creations cannot exceed the quota between them.
 */
@Repository
class OwnerRepository {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;

    OwnerRepository(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.OWNERS);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndex(Indexes.ascending("keyHash"), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
    }

    Mono<Owner> insert(Owner owner, String keyHash) {
        Document document = new Document("_id", owner.id())
                .append("keyHash", keyHash)
                .append("name", owner.name())
                .append("maxSubscriptions", owner.maxSubscriptions())
                .append("maxEndpoints", owner.maxEndpoints())
                .append("subscriptionCount", 0)
                .append("createdAt", Date.from(owner.createdAt()));
        return Mono.from(collection.insertOne(document)).thenReturn(owner);
    }

    Mono<Owner> findByKeyHash(String keyHash) {
        return Mono.from(collection.find(Filters.eq("keyHash", keyHash)).first()).map(OwnerRepository::fromDocument);
    }

    /** Emits true when one more subscription fitted under the owner's quota and was counted. */
    Mono<Boolean> reserveSubscription(Owner owner) {
        return Mono.from(collection.updateOne(
                        Filters.and(Filters.eq("_id", owner.id()),
                                Filters.lt("subscriptionCount", owner.maxSubscriptions())),
                        Updates.inc("subscriptionCount", 1)))
                .map(result -> result.getModifiedCount() == 1);
    }

    Mono<Void> releaseSubscription(String ownerId) {
        return Mono.from(collection.updateOne(
                Filters.and(Filters.eq("_id", ownerId), Filters.gt("subscriptionCount", 0)),
                Updates.inc("subscriptionCount", -1))).then();
    }

    private static Owner fromDocument(Document d) {
        return new Owner(d.getString("_id"), d.getString("name"), d.getInteger("maxSubscriptions"),
                d.getInteger("maxEndpoints"), d.getDate("createdAt").toInstant());
    }
}
