package io.pricewar.ledger.query.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.mongo.LedgerDocuments;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Reads whichever generation is live at the time of each query. */
final class MongoPriceQueries implements PriceQueries {

    private final LedgerGenerations generations;

    MongoPriceQueries(LedgerGenerations generations) {
        this.generations = generations;
    }

    @Override
    public Flux<CurrentPrice> currentPrices(PriceFilter filter) {
        return Flux.from(generations.live().current().find(and(point(filter, LedgerDocuments.PRICE_CURRENCY)))
                        .sort(Sorts.ascending(LedgerDocuments.ID)))
                .map(LedgerDocuments::currentPrice);
    }

    @Override
    public Flux<PricePointId> pointsInHistory() {
        return Flux.from(generations.live().history().distinct(LedgerDocuments.POINT_ID, String.class))
                .sort()
                .map(PricePointId::parse);
    }

    @Override
    public Flux<HistoryEntry> history(PricePointId pointId) {
        return history(pointId, TimeRange.ALL, 0, Integer.MAX_VALUE);
    }

    @Override
    public Flux<HistoryEntry> history(PricePointId pointId, TimeRange observed, long afterSeq, int limit) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq(LedgerDocuments.POINT_ID, pointId.toString()));
        conditions.add(Filters.gt(LedgerDocuments.SEQ, afterSeq));
        conditions.addAll(within(LedgerDocuments.OBSERVED_AT, observed));
        return Flux.from(generations.live().history().find(and(conditions))
                        .sort(Sorts.ascending(LedgerDocuments.SEQ)).limit(limit))
                .map(LedgerDocuments::historyEntry);
    }

    @Override
    public Flux<HistoryEntry> historyMatching(PriceFilter filter, TimeRange observed) {
        List<Bson> conditions = historyPoint(filter);
        conditions.addAll(within(LedgerDocuments.OBSERVED_AT, observed));
        return Flux.from(generations.live().history().find(and(conditions))
                        .sort(Sorts.ascending(LedgerDocuments.OBSERVED_AT, LedgerDocuments.POINT_ID, LedgerDocuments.SEQ)))
                .map(LedgerDocuments::historyEntry);
    }

    @Override
    public Flux<HistoryEntry> historyUpTo(PriceFilter filter, TimeAxis axis, Instant at) {
        List<Bson> conditions = historyPoint(filter);
        String field = axis == TimeAxis.EFFECTIVE ? LedgerDocuments.EFFECTIVE_AT : LedgerDocuments.OBSERVED_AT;
        conditions.add(Filters.lte(field, Date.from(at)));
        return Flux.from(generations.live().history().find(and(conditions))).map(LedgerDocuments::historyEntry);
    }

    /** A delisting has no new price, so its currency is the one of its last price. */
    private static List<Bson> historyPoint(PriceFilter filter) {
        List<Bson> conditions = point(filter, null);
        if (filter.currency() != null) {
            String code = filter.currency().getCurrencyCode();
            conditions.add(Filters.or(Filters.eq(LedgerDocuments.PRICE_CURRENCY, code),
                    Filters.eq(LedgerDocuments.PREVIOUS_PRICE + ".currency", code)));
        }
        return conditions;
    }

    static List<Bson> point(PriceFilter filter, String currencyField) {
        List<Bson> conditions = new ArrayList<>();
        addIfSet(conditions, LedgerDocuments.VENDOR, filter.vendor());
        if (filter.modelRegex() != null) {
            conditions.add(Filters.regex(LedgerDocuments.MODEL, filter.modelRegex()));
        }
        addIfSet(conditions, LedgerDocuments.METER, filter.meter());
        addIfSet(conditions, LedgerDocuments.TIER, filter.tier());
        if (currencyField != null && filter.currency() != null) {
            conditions.add(Filters.eq(currencyField, filter.currency().getCurrencyCode()));
        }
        return conditions;
    }

    private static List<Bson> within(String field, TimeRange range) {
        List<Bson> conditions = new ArrayList<>();
        if (range.from() != null) {
            conditions.add(Filters.gte(field, Date.from(range.from())));
        }
        if (range.to() != null) {
            conditions.add(Filters.lt(field, Date.from(range.to())));
        }
        return conditions;
    }

    private static Bson and(List<Bson> conditions) {
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }

    private static void addIfSet(List<Bson> conditions, String field, String value) {
        if (value != null) {
            conditions.add(Filters.eq(field, value));
        }
    }
}
