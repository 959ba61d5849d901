package io.pricewar.ledger.query;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import reactor.core.publisher.Flux;

/** Reads of the projection. */
public interface PriceQueries {

    /** Current prices matching every given filter, by point id. */
    Flux<CurrentPrice> currentPrices(PriceFilter filter);

    /** The point's events in seq order; empty for a point the ledger has never seen. */
    Flux<HistoryEntry> history(PricePointId pointId);
}
