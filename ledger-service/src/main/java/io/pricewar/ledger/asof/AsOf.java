package io.pricewar.ledger.asof;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.query.PriceQueries.TimeAxis;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every point stood at an instant, on either time axis, from the events up to it.
 *
 * <ul>
 *   <li>{@link TimeAxis#EFFECTIVE}: the price in effect at T as the record knows it today, i.e.
 *       of the events taking effect by T, the one taking effect last (an announced cut observed
 *       on the 19th and effective on the 21st is not yet in effect on the 20th).
 *   <li>{@link TimeAxis#OBSERVED}: what the record knew at T, i.e. the newest event observed by
 *       T (seq order is observation order).
 * </ul>
 */
public final class AsOf {

    private AsOf() {
    }

    /** Ties on the effective instant go to the later event, the later word on that instant. */
    static Comparator<HistoryEntry> order(TimeAxis axis) {
        Comparator<HistoryEntry> bySeq = Comparator.comparingLong(HistoryEntry::seq);
        return axis == TimeAxis.EFFECTIVE
                ? Comparator.comparing(HistoryEntry::effectiveAt).thenComparing(bySeq)
                : bySeq;
    }

    /** @param upToT events whose time on {@code axis} is at or before T, in any order */
    public static List<CurrentPrice> fold(Iterable<HistoryEntry> upToT, TimeAxis axis) {
        Latest latest = new Latest(axis);
        upToT.forEach(latest::add);
        return latest.result();
    }

    /** Keeps one event per point while events stream past, so memory follows points, not events. */
    public static final class Latest {
        private final Comparator<HistoryEntry> order;
        private final Map<PricePointId, HistoryEntry> latest = new HashMap<>();

        public Latest(TimeAxis axis) {
            this.order = order(axis);
        }

        public void add(HistoryEntry entry) {
            latest.merge(entry.pointId(), entry, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }

        public List<CurrentPrice> result() {
            return latest.values().stream()
                    .map(CurrentPrice::after)
                    .sorted(Comparator.comparing(price -> price.pointId().toString()))
                    .toList();
        }
    }

    /** What an as-of answer says about itself. */
    public record Query(Instant at, TimeAxis axis) {
    }
}
