package io.pricewar.ledger.query;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import reactor.core.publisher.Flux;

import java.time.Instant;

/** Reads of the live generation of the projection. */
public interface PriceQueries {

    /** Current prices matching every given filter, by point id. */
    Flux<CurrentPrice> currentPrices(PriceFilter filter);

    /**
     * Every point with at least one event in the history, in id order. Read from the history
     * itself, not from the current prices derived from it, so that an audit of every chain also
     * reaches a point whose current price is missing.
     */
    Flux<PricePointId> pointsInHistory();

    /** The point's events in seq order; empty for a point the ledger has never seen. */
    Flux<HistoryEntry> history(PricePointId pointId);

    /** Up to {@code limit} events of the point after {@code afterSeq}, observed in the range, in seq order. */
    Flux<HistoryEntry> history(PricePointId pointId, TimeRange observed, long afterSeq, int limit);

    /** Events of the matching points observed in the range, by observation time then point and seq. */
    Flux<HistoryEntry> historyMatching(PriceFilter filter, TimeRange observed);

    /** Events of the matching points whose time on {@code axis} is at or before {@code at}, in any order. */
    Flux<HistoryEntry> historyUpTo(PriceFilter filter, TimeAxis axis, Instant at);

    /** The two time axes of the record. */
    enum TimeAxis {
        /** When a price takes effect: its announced date, else when it was observed. */
        EFFECTIVE,
        /** When the ledger's source saw it: what the record knew at the time. */
        OBSERVED
    }
}
