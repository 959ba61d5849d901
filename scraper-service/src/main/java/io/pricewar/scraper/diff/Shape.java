package io.pricewar.scraper.diff;

import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a page still has the shape of its last healthy reading. Two signs of a changed layout
 * that extraction alone cannot see: most known points gone at once (a table renamed, a tab moved
 * behind a script), and prices trading places between points (columns moved, so "input" now
 * reads the output column).
 */
final class Shape {

    private Shape() {
    }

    static Optional<String> problem(Set<PricePointId> expected, Set<PricePointId> present,
                                    List<PriceEvent> candidates, SafetyRules rules) {
        long kept = expected.stream().filter(present::contains).count();
        if (!expected.isEmpty() && BigDecimal.valueOf(kept)
                .compareTo(rules.minPresentShare().multiply(BigDecimal.valueOf(expected.size()))) < 0) {
            return Optional.of("only " + kept + " of the " + expected.size() + " points of the last healthy reading are on the page");
        }
        List<PriceChanged> changes = candidates.stream()
                .filter(PriceChanged.class::isInstance).map(PriceChanged.class::cast).toList();
        if (changes.size() >= 2 && pricesTradedPlaces(changes)) {
            return Optional.of(changes.size() + " points swapped their prices among themselves: columns moved?");
        }
        return Optional.empty();
    }

    /** The new prices are the old ones, shuffled: nothing was repriced, the reading moved. */
    private static boolean pricesTradedPlaces(List<PriceChanged> changes) {
        List<String> before = changes.stream().map(c -> key(c.previousPrice())).sorted().toList();
        List<String> after = changes.stream().map(c -> key(c.newPrice())).sorted().toList();
        return before.equals(after);
    }

    private static String key(io.pricewar.events.Price price) {
        return price.per1M().stripTrailingZeros().toPlainString() + " " + price.currency();
    }
}
