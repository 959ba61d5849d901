package io.pricewar.alert.subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import io.pricewar.alert.subscription.secret.SealedSecret;
import io.pricewar.alert.subscription.secret.SecretCipher;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;
import org.reactivestreams.Publisher;
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
 *
 * <p>Signing secrets are stored sealed ({@link SecretCipher}, bound to the subscription's id) and
 * opened as they are read, so the domain sees them in clear and the database never does.
 * Documents of before sealing hold the secret in clear under {@code signingSecret}; they are read
 * as they are until {@link #resealSigningSecrets} seals them.
 *
 * <p>Every write that changes what matching sees raises the change marker
 * ({@link MongoCollections#SUBSCRIPTION_CHANGES}) after the write is acknowledged and before the
 * caller hears of it, so a marker read after the caller heard of it sees the raise. Resealing a
 * secret changes nothing matching sees and does not raise it.
 */
@Repository
public class SubscriptionRepository {

    /**
     * Documents per reply when reading many subscriptions (a poll after a bulk load reads them
     * all): without it the in-JVM server answers 100k subscriptions in one reply past the
     * driver's 48 MB message limit, and the poll fails.
     */
    private static final int SCAN_BATCH = 1_000;

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private static final String SEALED_SECRET = "sealedSigningSecret";
    private static final String CLEAR_SECRET = "signingSecret";
    private static final String MARKER_ID = "marker";

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> changes;
    private final SecretCipher cipher;
    private final Clock clock = Clock.systemUTC();

    SubscriptionRepository(MongoDatabase database, SecretCipher cipher) {
        this.collection = database.getCollection(MongoCollections.SUBSCRIPTIONS);
        this.changes = database.getCollection(MongoCollections.SUBSCRIPTION_CHANGES);
        this.cipher = cipher;
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(new IndexModel(Indexes.ascending("ownerId")),
                new IndexModel(Indexes.ascending("changedAt"))))).block(INDEX_TIMEOUT);
    }

    public Mono<Subscription> insert(Subscription subscription) {
        return thenMarked(collection.insertOne(toDocument(subscription).append("changedAt", now())))
                .thenReturn(subscription);
    }

    /** Many at once, for loading large numbers of subscriptions (benchmarks, imports). */
    public Mono<Void> insertAll(List<Subscription> subscriptions) {
        Date now = now();
        return thenMarked(collection.insertMany(subscriptions.stream()
                .map(s -> toDocument(s).append("changedAt", now)).toList())).then();
    }

    public Mono<Subscription> findById(String id) {
        return Mono.from(collection.find(live(Filters.eq("_id", id))).first()).map(this::fromDocument);
    }

    public Mono<Subscription> findOwned(String ownerId, String id) {
        return Mono.from(collection.find(owned(ownerId, id)).first()).map(this::fromDocument);
    }

    /** The owner's live subscriptions, oldest first. */
    public Flux<Subscription> findAllOwned(String ownerId) {
        return Flux.from(collection.find(live(Filters.eq("ownerId", ownerId))).sort(Sorts.ascending("createdAt")))
                .map(this::fromDocument);
    }

    /**
     * Writes {@code changed} if the owner's subscription is still at the version it was read at;
     * emits false when it is gone or was changed meanwhile.
     */
    public Mono<Boolean> replaceOwned(String ownerId, Subscription changed) {
        Bson filter = Filters.and(owned(ownerId, changed.id()), Filters.eq("version", changed.version() - 1));
        Document doc = toDocument(changed).append("changedAt", now());
        doc.remove("_id");
        return thenMarked(collection.replaceOne(filter, doc.append("_id", changed.id())))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** Emits true when the owner's subscription was deleted, false when it has none by that id. */
    public Mono<Boolean> deleteOwned(String ownerId, String id) {
        return thenMarked(collection.updateOne(owned(ownerId, id), Updates.combine(
                        Updates.set("deletedAt", now()), Updates.set("changedAt", now()), Updates.inc("version", 1L))))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** The tombstone of the owner's deleted subscription, for announcing the deletion. */
    public Mono<Subscription> findDeleted(String ownerId, String id) {
        return Mono.from(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq("ownerId", ownerId),
                Filters.ne("deletedAt", null))).first()).map(this::fromDocument);
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
        return thenMarked(collection.updateMany(
                live(Filters.and(Filters.eq("ownerId", ownerId), Filters.eq("webhookUrl", webhookUrl.toString()))),
                Updates.combine(Updates.set("disabledReason", reason), Updates.set("changedAt", now()),
                        Updates.inc("version", 1L)))).then();
    }

    /** Every subscription written at or after {@code since}, deletions included. */
    public Flux<SubscriptionChange> changedSince(Instant since) {
        return Flux.from(collection.find(Filters.gte("changedAt", Date.from(since))).batchSize(SCAN_BATCH))
                .map(d -> new SubscriptionChange(fromDocument(d), d.get("deletedAt") != null,
                        d.getDate("changedAt").toInstant()));
    }

    /**
     * The change marker: raised by every subscription write (see the class comment), 0 before the
     * first. Equal values read at two moments mean no subscription write was acknowledged between.
     */
    public Mono<Long> changeMarker() {
        return Mono.from(changes.find(Filters.eq("_id", MARKER_ID)).first())
                .map(d -> d.get("n", Number.class).longValue())
                .defaultIfEmpty(0L);
    }

    /** {@code write}'s result, once the write is acknowledged and the change marker raised after it. */
    private <T> Mono<T> thenMarked(Publisher<T> write) {
        return Mono.from(write).flatMap(result -> Mono.from(changes.updateOne(Filters.eq("_id", MARKER_ID),
                Updates.inc("n", 1L), new UpdateOptions().upsert(true))).thenReturn(result));
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

    /**
     * Seals, under the current key, every signing secret still in clear or sealed under a previous
     * key, deleted subscriptions included; emits how many it rewrote. Each rewrite is conditional
     * on the value it read, so a concurrent change (or another replica's pass) is never undone;
     * the secret itself does not change, so neither do the version and the change time.
     */
    public Mono<Long> resealSigningSecrets() {
        return Flux.from(collection.find(Filters.ne(SEALED_SECRET + ".keyId", cipher.currentKeyId())).batchSize(SCAN_BATCH))
                .flatMap(this::reseal, 8)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> reseal(Document stored) {
        String id = stored.getString("_id");
        Bson unchanged = stored.containsKey(SEALED_SECRET)
                ? Filters.eq(SEALED_SECRET, stored.get(SEALED_SECRET))
                : Filters.eq(CLEAR_SECRET, stored.getString(CLEAR_SECRET));
        return Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", id), unchanged), Updates.combine(
                        Updates.set(SEALED_SECRET, sealedDocument(cipher.seal(signingSecretOf(stored), id))),
                        Updates.unset(CLEAR_SECRET))))
                .map(result -> result.getModifiedCount());
    }

    /** The ids of the keys the stored signing secrets are sealed under. */
    public Mono<List<String>> signingKeyIds() {
        return Flux.from(collection.distinct(SEALED_SECRET + ".keyId", String.class)).collectList();
    }

    private String signingSecretOf(Document d) {
        Document sealed = d.get(SEALED_SECRET, Document.class);
        if (sealed == null) {
            return d.getString(CLEAR_SECRET);
        }
        return cipher.open(new SealedSecret(sealed.getString("keyId"), sealed.get("nonce", Binary.class).getData(),
                sealed.get("ciphertext", Binary.class).getData()), d.getString("_id"));
    }

    private static Document sealedDocument(SealedSecret sealed) {
        return new Document("keyId", sealed.keyId()).append("nonce", new Binary(sealed.nonce()))
                .append("ciphertext", new Binary(sealed.ciphertext()));
    }

    private Document toDocument(Subscription s) {
        PointTarget t = s.target();
        return new Document("_id", s.id())
                .append("ownerId", s.ownerId())
                .append("webhookUrl", s.webhookUrl().toString())
                .append("condition", conditionDocument(ConditionText.of(s.condition())))
                .append("target", new Document("vendor", t.vendor()).append("model", t.model())
                        .append("meter", t.meter()).append("tier", t.tier()))
                .append("cooldownMillis", s.cooldown().toMillis())
                .append("createdAt", Date.from(s.createdAt()))
                .append(SEALED_SECRET, sealedDocument(cipher.seal(s.signingSecret(), s.id())))
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

    private Subscription fromDocument(Document d) {
        Document t = d.get("target", Document.class);
        PointTarget target = t == null ? PointTarget.ANY : new PointTarget(
                t.getString("vendor"), t.getString("model"), t.getString("meter"), t.getString("tier"));
        Number cooldown = d.get("cooldownMillis", Number.class);
        Number version = d.get("version", Number.class);
        return new Subscription(d.getString("_id"), d.getString("ownerId"), URI.create(d.getString("webhookUrl")),
                conditionText(d).toCondition(), target, cooldown == null ? Duration.ZERO : Duration.ofMillis(cooldown.longValue()),
                d.getDate("createdAt").toInstant(), signingSecretOf(d), d.getString("disabledReason"),
                version == null ? 1 : version.longValue(), digest(d));
    }
}
