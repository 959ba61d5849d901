package io.pricewar.alert.subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Date;

/** Subscriptions in MongoDB, one document each, mapped by hand to keep the domain free of Mongo. */
@Repository
public class SubscriptionRepository {

    private final MongoCollection<Document> collection;

    SubscriptionRepository(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.SUBSCRIPTIONS);
    }

    public Mono<Subscription> insert(Subscription subscription) {
        return Mono.from(collection.insertOne(toDocument(subscription))).thenReturn(subscription);
    }

    public Mono<Subscription> findById(String id) {
        return Mono.from(collection.find(Filters.eq("_id", id)).first()).map(SubscriptionRepository::fromDocument);
    }

    /** Emits true when a subscription was deleted, false when there was none by that id. */
    public Mono<Boolean> deleteById(String id) {
        return Mono.from(collection.deleteOne(Filters.eq("_id", id))).map(result -> result.getDeletedCount() > 0);
    }

    public Flux<Subscription> findAll() {
        return Flux.from(collection.find()).map(SubscriptionRepository::fromDocument);
    }

    private static Document toDocument(Subscription s) {
        PointTarget t = s.target();
        return new Document("_id", s.id())
                .append("webhookUrl", s.webhookUrl().toString())
                .append("rule", s.rule().name())
                .append("target", new Document("vendor", t.vendor()).append("model", t.model())
                        .append("meter", t.meter()).append("tier", t.tier()))
                .append("createdAt", Date.from(s.createdAt()));
    }

    private static Subscription fromDocument(Document d) {
        Document t = d.get("target", Document.class);
        PointTarget target = t == null ? PointTarget.ANY : new PointTarget(
                t.getString("vendor"), t.getString("model"), t.getString("meter"), t.getString("tier"));
        return new Subscription(d.getString("_id"), URI.create(d.getString("webhookUrl")),
                AlertRule.valueOf(d.getString("rule")), target, d.getDate("createdAt").toInstant());
    }
}
