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
    /** How many listed points each page was last read from: asked on every run, kept as events fold in. */
    private final Map<String, Integer> listedByUrl = new ConcurrentHashMap<>();

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
            PointState next = new PointState(event.head(), event.currentPrice(), !(event instanceof PriceDelisted),
                    event.evidence().url());
            recount(known, next);
            return next;
        });
    }

    /** Called inside {@code compute}, so the updates of one point are counted one at a time. */
    private void recount(PointState before, PointState after) {
        if (before != null && before.listed()) {
            listedByUrl.merge(before.url(), -1, PriceBook::sumOrGone);
        }
        if (after.listed()) {
            listedByUrl.merge(after.url(), 1, PriceBook::sumOrGone);
        }
    }

    private static Integer sumOrGone(Integer count, Integer change) {
        int sum = count + change;
        return sum == 0 ? null : sum;
    }

    public Optional<PointState> get(PricePointId id) {
        return Optional.ofNullable(points.get(id));
    }

    /** As {@link #get}, null for an unknown point: the diff asks once per point of a page. */
    PointState find(PricePointId id) {
        return points.get(id);
    }

    /** How many points are listed as last read from this page: {@code listedFrom(url).size()}, without a walk over the book. */
    public int countListedFrom(String url) {
        return listedByUrl.getOrDefault(url, 0);
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
