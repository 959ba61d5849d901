package io.pricewar.scraper.diff;

import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last known state of every price point, folded from its events. The log is the only
 * source: at start-up the book is rebuilt by reading {@code price-events} from the beginning.
 */
public final class PriceBook {

    /** Where a point stands: its chain head, its price, and whether it is listed. */
    public record PointState(PointHead head, Price price, boolean listed) {
    }

    private final Map<PricePointId, PointState> points = new ConcurrentHashMap<>();

    /**
     * Folds an event in. An event at or below the seq the book already holds is a duplicate
     * (a re-publish after a crash) and is ignored, so the first event of each seq stands, as it
     * does in the ledger.
     */
    public void apply(PriceEvent event) {
        points.compute(event.pointId(), (id, known) -> {
            if (known != null && event.seq() <= known.head().seq()) {
                return known;
            }
            return new PointState(event.head(), event.currentPrice(), !(event instanceof PriceDelisted));
        });
    }

    public Optional<PointState> get(PricePointId id) {
        return Optional.ofNullable(points.get(id));
    }

    public int size() {
        return points.size();
    }
}
