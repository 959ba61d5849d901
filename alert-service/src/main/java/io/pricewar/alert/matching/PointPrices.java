package io.pricewar.alert.matching;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.MongoCollections;
import io.pricewar.alert.rules.MeterPrices;
import io.pricewar.alert.rules.config.RulesProperties;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every point's price now and before its last change, per 1M tokens, fed by {@code price-events}:
 * the view a blended rule judges a model on, since the meters of a model are separate points on
 * separate partitions and no one event carries them all. Each write is conditional on the
 * point's {@code seq}, so re-reading or reading out of order cannot move a point backwards.
 */
@Repository
class PointPrices {

    private final MongoCollection<Document> collection;
    private final RulesProperties rules;

    PointPrices(MongoDatabase database, RulesProperties rules) {
        this.collection = database.getCollection(MongoCollections.POINT_PRICES);
        this.rules = rules;
    }

    @PostConstruct
    void ensureIndexes() {
        Mono.from(collection.createIndexes(List.of(new IndexModel(Indexes.ascending("vendor", "model", "tier")))))
                .block(Duration.ofSeconds(30));
    }

    Mono<Void> record(PriceEvent event) {
        Price previous = event instanceof PriceChanged c ? c.previousPrice() : null;
        var update = Updates.combine(
                Updates.set("vendor", event.vendor()), Updates.set("model", event.model()),
                Updates.set("meter", event.meter()), Updates.set("tier", event.tier()),
                Updates.set("seq", event.seq()), Updates.set("observedAt", Date.from(event.observedAt())),
                Updates.set("per1M", event.currentPrice().per1M().toPlainString()),
                Updates.set("currency", event.currentPrice().currency().getCurrencyCode()),
                Updates.set("previousPer1M", previous == null ? null : previous.per1M().toPlainString()),
                Updates.set("previousCurrency", previous == null ? null : previous.currency().getCurrencyCode()),
                Updates.set("delisted", event instanceof PriceDelisted));
        return Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", event.pointId().toString()),
                                Filters.lt("seq", event.seq())), update, new UpdateOptions().upsert(true)))
                .then()
                .onErrorResume(PointPrices::isDuplicateKey, newerKnown -> Mono.empty());
    }

    /**
     * The model's prices just before and just after the observation at {@code observedAt}: a
     * meter that changed then contributes its previous and new price, any other its current one.
     * Null prices where the model has no such meter, or a whole side null where meters disagree
     * on currency.
     */
    Mono<Sides> around(String vendor, String model, String tier, Instant observedAt) {
        return Flux.from(collection.find(Filters.and(Filters.eq("vendor", vendor), Filters.eq("model", model),
                        Filters.eq("tier", tier))))
                .collectList()
                .map(docs -> sides(docs, observedAt));
    }

    record Sides(MeterPrices before, MeterPrices after) {
    }

    private Sides sides(List<Document> docs, Instant observedAt) {
        Map<String, Document> byMeter = new HashMap<>();
        docs.stream().filter(d -> !d.getBoolean("delisted", false)).forEach(d -> byMeter.put(d.getString("meter"), d));
        return new Sides(side(byMeter, observedAt, true), side(byMeter, observedAt, false));
    }

    private MeterPrices side(Map<String, Document> byMeter, Instant observedAt, boolean before) {
        Document in = byMeter.get(rules.inputMeter());
        Document out = byMeter.get(rules.outputMeter());
        Document cached = byMeter.get(rules.cachedInputMeter());
        if (in == null || out == null) {
            return null;
        }
        String currency = currency(in, observedAt, before);
        if (!currency.equals(currency(out, observedAt, before))
                || (cached != null && !currency.equals(currency(cached, observedAt, before)))) {
            return null;
        }
        return new MeterPrices(price(in, observedAt, before), price(out, observedAt, before),
                cached == null ? null : price(cached, observedAt, before), Currency.getInstance(currency));
    }

    private static boolean changedThen(Document d, Instant observedAt, boolean before) {
        return before && d.getString("previousPer1M") != null && d.getDate("observedAt").toInstant().equals(observedAt);
    }

    private static BigDecimal price(Document d, Instant observedAt, boolean before) {
        return new BigDecimal(d.getString(changedThen(d, observedAt, before) ? "previousPer1M" : "per1M"));
    }

    private static String currency(Document d, Instant observedAt, boolean before) {
        return d.getString(changedThen(d, observedAt, before) ? "previousCurrency" : "currency");
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
