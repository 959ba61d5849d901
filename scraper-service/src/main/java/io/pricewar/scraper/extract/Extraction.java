package io.pricewar.scraper.extract;

import io.pricewar.events.PricePointId;

import java.util.List;
import java.util.Set;

/**
 * What one page yielded: the prices read, the cells that could not be read, and, when the page
 * no longer has the structure the rule expects, the reason it is a layout change.
 *
 * @param unreadable the points the page shows whose price could not be read (a refused notation,
 *                   an unreadable notice, two different prices): they are on the page, so they are
 *                   never counted towards a delisting, and they are not priced either
 */
public record Extraction(List<ExtractedPrice> prices, List<RejectedCell> rejected, Set<PricePointId> unreadable,
                         String layoutProblem) {

    public static Extraction layoutChanged(String problem) {
        return new Extraction(List.of(), List.of(), Set.of(), problem);
    }

    /** A page that yields no price at all is treated as a changed layout, never as "all delisted". */
    public boolean isHealthy() {
        return layoutProblem == null && !prices.isEmpty();
    }

    public String problem() {
        if (layoutProblem != null) {
            return layoutProblem;
        }
        return prices.isEmpty() ? "the page yielded no price" : null;
    }
}
