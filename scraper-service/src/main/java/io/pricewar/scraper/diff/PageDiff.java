package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.scraper.extract.ExtractedPrice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a healthy page yields against the book: a listing for a point the book does not
 * hold (or holds as delisted), a change for a point whose price moved, nothing for the rest.
 * Points missing from the page are left alone here: delisting needs repeated confirmation
 * ({@link Safeguard}).
 *
 * <p>When a page shows today's price and an announced one for the same point, the announcement
 * is the latest fact about the point and is what gets diffed (with its {@code effectiveFrom});
 * diffing both would flip the point back and forth on every run until the date arrives.
 */
public final class PageDiff {

    private PageDiff() {
    }

    public static List<PriceEvent> diff(PriceBook book, List<ExtractedPrice> prices, String url,
                                        Instant fetchedAt, String pageSha256) {
        List<PriceEvent> events = new ArrayList<>();
        for (ExtractedPrice seen : latestPerPoint(prices)) {
            Observation observation = new Observation(fetchedAt, seen.effectiveFrom(),
                    new Evidence(url, fetchedAt, pageSha256, seen.cellText()));
            book.get(seen.pointId()).ifPresentOrElse(
                    known -> {
                        if (!known.listed()) {
                            events.add(PriceEvents.listed(known.head(), seen.price(), observation));
                        } else if (!known.price().sameAs(seen.price())) {
                            events.add(PriceEvents.changed(known.head(), known.price(), seen.price(), observation));
                        }
                    },
                    () -> events.add(PriceEvents.listed(PointHead.genesis(seen.pointId()), seen.price(), observation)));
        }
        return events;
    }

    /** One reading per point, an announced price winning over today's, the later announcement over the earlier. */
    static List<ExtractedPrice> latestPerPoint(List<ExtractedPrice> prices) {
        Map<PricePointId, ExtractedPrice> latest = new LinkedHashMap<>();
        for (ExtractedPrice price : prices) {
            latest.merge(price.pointId(), price, PageDiff::later);
        }
        return List.copyOf(latest.values());
    }

    private static ExtractedPrice later(ExtractedPrice a, ExtractedPrice b) {
        if (a.effectiveFrom() == null) {
            return b.effectiveFrom() == null ? a : b;
        }
        return b.effectiveFrom() != null && b.effectiveFrom().isAfter(a.effectiveFrom()) ? b : a;
    }
}
