package io.pricewar.scraper.extract;

import java.util.List;

/**
 * What one page yielded: the prices read, the cells that could not be read, and, when the page
 * no longer has the structure the rule expects, the reason it is a layout change.
 */
public record Extraction(List<ExtractedPrice> prices, List<RejectedCell> rejected, String layoutProblem) {

    public static Extraction layoutChanged(String problem) {
        return new Extraction(List.of(), List.of(), problem);
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
