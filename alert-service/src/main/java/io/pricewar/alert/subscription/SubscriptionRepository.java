package io.pricewar.alert.subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
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
import java.util.Date;
import java.util.List;

/**
 * Subscriptions in MongoDB, one document each, mapped by hand to keep the domain free of Mongo.
 * Every lookup on behalf of a caller names the owner too, so another owner's subscription is
 * simply not found.
 */
@Repository
public class SubscriptionRepository {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;

    SubscriptionRepository(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.SUBSCRIPTIONS);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(new IndexModel(Indexes.ascending("ownerId")))))
                .block(INDEX_TIMEOUT);
    }

    public Mono<Subscription> insert(Subscription subscription) {
        return Mono.from(collection.insertOne(toDocument(subscription))).thenReturn(subscription);
    }

    public Mono<Subscription> findById(String id) {
        return Mono.from(collection.find(Filters.eq("_id", id)).first()).map(SubscriptionRepository::fromDocument);
    }

    public Mono<Subscription> findOwned(String ownerId, String id) {
        return Mono.from(collection.find(owned(ownerId, id)).first()).map(SubscriptionRepository::fromDocument);
    }

    /** Emits true when the owner's subscription was deleted, false when it has none by that id. */
    public Mono<Boolean> deleteOwned(String ownerId, String id) {
        return Mono.from(collection.deleteOne(owned(ownerId, id))).map(result -> result.getDeletedCount() > 0);
    }

    /** The distinct webhook URLs the owner's subscriptions notify, for the endpoint quota. */
    public Mono<List<String>> endpointsOf(String ownerId) {
        return Flux.from(collection.distinct("webhookUrl", Filters.eq("ownerId", ownerId), String.class))
                .collectList();
    }

    /** Stops every subscription of the owner that notifies {@code webhookUrl}, saying why. */
    public Mono<Void> disableEndpoint(String ownerId, URI webhookUrl, String reason) {
        return Mono.from(collection.updateMany(
                Filters.and(Filters.eq("ownerId", ownerId), Filters.eq("webhookUrl", webhookUrl.toString())),
                com.mongodb.client.model.Updates.set("disabledReason", reason))).then();
    }

    public Flux<Subscription> findAll() {
        return Flux.from(collection.find()).map(SubscriptionRepository::fromDocument);
    }

    private static Bson owned(String ownerId, String id) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("ownerId", ownerId));
    }

    private static Document toDocument(Subscription s) {
        PointTarget t = s.target();
        return new Document("_id", s.id())
                .append("ownerId", s.ownerId())
                .append("webhookUrl", s.webhookUrl().toString())
                .append("rule", s.rule().name())
                .append("target", new Document("vendor", t.vendor()).append("model", t.model())
                        .append("meter", t.meter()).append("tier", t.tier()))
                .append("createdAt", Date.from(s.createdAt()))
                .append("signingSecret", s.signingSecret())
                .append("disabledReason", s.disabledReason());
    }

    private static Subscription fromDocument(Document d) {
        Document t = d.get("target", Document.class);
        PointTarget target = t == null ? PointTarget.ANY : new PointTarget(
                t.getString("vendor"), t.getString("model"), t.getString("meter"), t.getString("tier"));
        return new Subscription(d.getString("_id"), d.getString("ownerId"), URI.create(d.getString("webhookUrl")),
                AlertRule.valueOf(d.getString("rule")), target, d.getDate("createdAt").toInstant(),
                d.getString("signingSecret"), d.getString("disabledReason"));
    }
}
