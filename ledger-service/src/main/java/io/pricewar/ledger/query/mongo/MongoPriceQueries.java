package io.pricewar.ledger.query.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.projection.mongo.LedgerDocuments;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

final class MongoPriceQueries implements PriceQueries {

    private final LedgerGenerations generations;

    MongoPriceQueries(LedgerGenerations generations) {
        this.generations = generations;
    }

    @Override
    public Flux<CurrentPrice> currentPrices(PriceFilter filter) {
        return Flux.from(generations.live().current().find(matching(filter)).sort(Sorts.ascending(LedgerDocuments.ID)))
                .map(LedgerDocuments::currentPrice);
    }

    @Override
    public Flux<HistoryEntry> history(PricePointId pointId) {
        return Flux.from(generations.live().history().find(Filters.eq(LedgerDocuments.POINT_ID, pointId.toString()))
                        .sort(Sorts.ascending(LedgerDocuments.SEQ)))
                .map(LedgerDocuments::historyEntry);
    }

    static Bson matching(PriceFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        addIfSet(conditions, LedgerDocuments.VENDOR, filter.vendor());
        addIfSet(conditions, LedgerDocuments.MODEL, filter.model());
        addIfSet(conditions, LedgerDocuments.METER, filter.meter());
        addIfSet(conditions, LedgerDocuments.TIER, filter.tier());
        if (filter.currency() != null) {
            addIfSet(conditions, LedgerDocuments.PRICE_CURRENCY, filter.currency().getCurrencyCode());
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }

    private static void addIfSet(List<Bson> conditions, String field, String value) {
        if (value != null) {
            conditions.add(Filters.eq(field, value));
        }
    }
}
