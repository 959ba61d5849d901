package io.pricewar.scraper.diff;

import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The last known state of every price point, folded from its events. The log is the only
 * source: at start-up the book is rebuilt by reading {@code price-events} from the beginning,
 * and it keeps following the log, so a replica that takes a source over from another continues
 * that source's chains where the other left them.
 */
public final class PriceBook {

    /** Where a point stands: its chain head, its price, whether it is listed, the page it was last read from. */
    public record PointState(PointHead head, Price price, boolean listed, String url) {
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
            return new PointState(event.head(), event.currentPrice(), !(event instanceof PriceDelisted),
                    event.evidence().url());
        });
    }

    public Optional<PointState> get(PricePointId id) {
        return Optional.ofNullable(points.get(id));
    }

    /** As {@link #get}, null for an unknown point: the diff asks once per point of a page. */
    PointState find(PricePointId id) {
        return points.get(id);
    }

    /** How many points are listed as last read from this page, without collecting them. */
    public int countListedFrom(String url) {
        int count = 0;
        for (PointState state : points.values()) {
            if (state.listed() && url.equals(state.url())) {
                count++;
            }
        }
        return count;
    }

    /** The listed points last read from this page: what a healthy reading of it should show again. */
    public Set<PricePointId> listedFrom(String url) {
        return points.entrySet().stream()
                .filter(e -> e.getValue().listed() && url.equals(e.getValue().url()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public int size() {
        return points.size();
    }
}
