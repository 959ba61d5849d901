package io.pricewar.alert.subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions in MongoDB, one document each, mapped by hand to keep the domain free of Mongo.
 * Every lookup on behalf of a caller names the owner too, so another owner's subscription is
 * simply not found. A deletion is a tombstone ({@code deletedAt}), and every write sets
 * {@code changedAt} and raises {@code version}, so that replicas polling for changes see
 * deletions too and apply changes in order.
 */
@Repository
public class SubscriptionRepository {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;
    private final Clock clock = Clock.systemUTC();

    SubscriptionRepository(MongoDatabase database) {
        this.collection = database.getCollection(MongoCollections.SUBSCRIPTIONS);
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(new IndexModel(Indexes.ascending("ownerId")),
                new IndexModel(Indexes.ascending("changedAt"))))).block(INDEX_TIMEOUT);
    }

    public Mono<Subscription> insert(Subscription subscription) {
        return Mono.from(collection.insertOne(toDocument(subscription).append("changedAt", now())))
                .thenReturn(subscription);
    }

    /** Many at once, for loading large numbers of subscriptions (benchmarks, imports). */
    public Mono<Void> insertAll(List<Subscription> subscriptions) {
        Date now = now();
        return Mono.from(collection.insertMany(subscriptions.stream()
                .map(s -> toDocument(s).append("changedAt", now)).toList())).then();
    }

    public Mono<Subscription> findById(String id) {
        return Mono.from(collection.find(live(Filters.eq("_id", id))).first()).map(SubscriptionRepository::fromDocument);
    }

    public Mono<Subscription> findOwned(String ownerId, String id) {
        return Mono.from(collection.find(owned(ownerId, id)).first()).map(SubscriptionRepository::fromDocument);
    }

    /** The owner's live subscriptions, oldest first. */
    public Flux<Subscription> findAllOwned(String ownerId) {
        return Flux.from(collection.find(live(Filters.eq("ownerId", ownerId))).sort(Sorts.ascending("createdAt")))
                .map(SubscriptionRepository::fromDocument);
    }

    /**
     * Writes {@code changed} if the owner's subscription is still at the version it was read at;
     * emits false when it is gone or was changed meanwhile.
     */
    public Mono<Boolean> replaceOwned(String ownerId, Subscription changed) {
        Bson filter = Filters.and(owned(ownerId, changed.id()), Filters.eq("version", changed.version() - 1));
        Document doc = toDocument(changed).append("changedAt", now());
        doc.remove("_id");
        return Mono.from(collection.replaceOne(filter, doc.append("_id", changed.id())))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** Emits true when the owner's subscription was deleted, false when it has none by that id. */
    public Mono<Boolean> deleteOwned(String ownerId, String id) {
        return Mono.from(collection.updateOne(owned(ownerId, id), Updates.combine(
                        Updates.set("deletedAt", now()), Updates.set("changedAt", now()), Updates.inc("version", 1L))))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** The tombstone of the owner's deleted subscription, for announcing the deletion. */
    public Mono<Subscription> findDeleted(String ownerId, String id) {
        return Mono.from(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq("ownerId", ownerId),
                Filters.ne("deletedAt", null))).first()).map(SubscriptionRepository::fromDocument);
    }

    /** The distinct webhook URLs the owner's subscriptions notify, for the endpoint quota. */
    public Mono<List<String>> endpointsOf(String ownerId) {
        return Flux.from(collection.distinct("webhookUrl", live(Filters.eq("ownerId", ownerId)), String.class))
                .collectList();
    }

    /**
     * The ids of every subscription of {@code ownerIds}, deleted ones too, each with its owner: to
     * find the owners' deliveries, which name only the subscription.
     */
    public Mono<Map<String, String>> ownersBySubscription(Collection<String> ownerIds) {
        return Flux.from(collection.find(Filters.in("ownerId", ownerIds))
                        .projection(new Document("_id", 1).append("ownerId", 1)))
                .collectMap(d -> d.getString("_id"), d -> d.getString("ownerId"));
    }

    /** Stops every subscription of the owner that notifies {@code webhookUrl}, saying why. */
    public Mono<Void> disableEndpoint(String ownerId, URI webhookUrl, String reason) {
        return Mono.from(collection.updateMany(
                live(Filters.and(Filters.eq("ownerId", ownerId), Filters.eq("webhookUrl", webhookUrl.toString()))),
                Updates.combine(Updates.set("disabledReason", reason), Updates.set("changedAt", now()),
                        Updates.inc("version", 1L)))).then();
    }

    /** Every subscription written at or after {@code since}, deletions included. */
    public Flux<SubscriptionChange> changedSince(Instant since) {
        return Flux.from(collection.find(Filters.gte("changedAt", Date.from(since))))
                .map(d -> new SubscriptionChange(fromDocument(d), d.get("deletedAt") != null,
                        d.getDate("changedAt").toInstant()));
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Bson live(Bson filter) {
        return Filters.and(filter, Filters.eq("deletedAt", null));
    }

    private static Bson owned(String ownerId, String id) {
        return live(Filters.and(Filters.eq("_id", id), Filters.eq("ownerId", ownerId)));
    }

    private static Document toDocument(Subscription s) {
        PointTarget t = s.target();
        return new Document("_id", s.id())
                .append("ownerId", s.ownerId())
                .append("webhookUrl", s.webhookUrl().toString())
                .append("condition", conditionDocument(ConditionText.of(s.condition())))
                .append("target", new Document("vendor", t.vendor()).append("model", t.model())
                        .append("meter", t.meter()).append("tier", t.tier()))
                .append("cooldownMillis", s.cooldown().toMillis())
                .append("createdAt", Date.from(s.createdAt()))
                .append("signingSecret", s.signingSecret())
                .append("disabledReason", s.disabledReason())
                .append("version", s.version())
                .append("digest", s.digest() == null ? null
                        : new Document("at", s.digest().at().toString()).append("zone", s.digest().zone().getId()));
    }

    private static DigestSchedule digest(Document d) {
        Document digest = d.get("digest", Document.class);
        return digest == null ? null
                : new DigestSchedule(LocalTime.parse(digest.getString("at")), ZoneId.of(digest.getString("zone")));
    }

    private static Document conditionDocument(ConditionText c) {
        Document doc = new Document("type", c.type()).append("percent", c.percent()).append("per1M", c.per1M())
                .append("currency", c.currency()).append("flagHeadlineCuts", c.flagHeadlineCuts());
        if (c.mix() != null) {
            doc.append("mix", new Document("input", c.mix().input()).append("output", c.mix().output())
                    .append("cached", c.mix().cached()));
        }
        return doc;
    }

    private static ConditionText conditionText(Document d) {
        Document c = d.get("condition", Document.class);
        if (c == null) {
            // Written before conditions: the rule's name was the whole condition.
            return ConditionText.of(d.getString("rule"));
        }
        Document mix = c.get("mix", Document.class);
        return new ConditionText(c.getString("type"), c.getString("percent"), c.getString("per1M"),
                c.getString("currency"), mix == null ? null : new ConditionText.Mix(mix.getString("input"),
                mix.getString("output"), mix.getString("cached")), c.getBoolean("flagHeadlineCuts"));
    }

    private static Subscription fromDocument(Document d) {
        Document t = d.get("target", Document.class);
        PointTarget target = t == null ? PointTarget.ANY : new PointTarget(
                t.getString("vendor"), t.getString("model"), t.getString("meter"), t.getString("tier"));
        Number cooldown = d.get("cooldownMillis", Number.class);
        Number version = d.get("version", Number.class);
        return new Subscription(d.getString("_id"), d.getString("ownerId"), URI.create(d.getString("webhookUrl")),
                conditionText(d).toCondition(), target, cooldown == null ? Duration.ZERO : Duration.ofMillis(cooldown.longValue()),
                d.getDate("createdAt").toInstant(), d.getString("signingSecret"), d.getString("disabledReason"),
                version == null ? 1 : version.longValue(), digest(d));
    }
}
