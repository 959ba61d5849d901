package io.pricewar.ledger.query;

import io.pricewar.events.Price;
import io.pricewar.ledger.projection.HistoryEntry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * One recorded change of a point, with how far its price moved per million tokens. The relative
 * change is only given when it means something: a change within one currency from a non-zero
 * price; becoming free is -100%, the biggest drop there is.
 */
public record Change(HistoryEntry entry, BigDecimal deltaPer1M, BigDecimal relativeChange) {

    /** Relative changes are ratios, kept to 6 decimal places (0.000001 = one ten-thousandth of a percent). */
    private static final int RATIO_SCALE = 6;

    /** Biggest drops first: the most negative relative change, then the largest absolute fall. */
    public static final Comparator<Change> BIGGEST_DROP_FIRST = Comparator
            .comparing(Change::relativeChange, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Change::deltaPer1M, Comparator.nullsLast(Comparator.naturalOrder()));

    public static Change of(HistoryEntry entry) {
        Price before = entry.previousPrice();
        Price after = entry.price();
        if (before == null || after == null || !before.currency().equals(after.currency())) {
            return new Change(entry, null, null);
        }
        BigDecimal delta = after.per1M().subtract(before.per1M());
        BigDecimal relative = before.per1M().signum() == 0 ? null
                : delta.divide(before.per1M(), RATIO_SCALE, RoundingMode.HALF_EVEN);
        return new Change(entry, delta.stripTrailingZeros(), relative == null ? null : relative.stripTrailingZeros());
    }

    public boolean isDrop() {
        return deltaPer1M != null && deltaPer1M.signum() < 0;
    }
}
