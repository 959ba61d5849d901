package io.pricewar.scraper.diff;

import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Whether a page still has the shape of its last healthy reading. Two signs of a changed layout
 * that extraction alone cannot see: most known points gone at once (a table renamed, a tab moved
 * behind a script), and prices trading places between points (columns moved, so "input" now
 * reads the output column).
 */
final class Shape {

    private Shape() {
    }

    /**
     * @param expected how many points the last healthy reading of the page listed
     * @param kept     how many of those the page shows again
     */
    static Optional<String> problem(int expected, int kept, List<PriceEvent> candidates, SafetyRules rules) {
        if (expected > 0 && BigDecimal.valueOf(kept)
                .compareTo(rules.minPresentShare().multiply(BigDecimal.valueOf(expected))) < 0) {
            return Optional.of("only " + kept + " of the " + expected + " points of the last healthy reading are on the page");
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
