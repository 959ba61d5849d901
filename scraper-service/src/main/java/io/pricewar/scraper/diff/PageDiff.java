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
 * <p>The prices are as an {@link io.pricewar.scraper.extract.Extraction} holds them: a point at
 * most once per {@code effectiveFrom}.
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
        return compare(book, prices, url, fetchedAt, pageSha256).events();
    }

    /**
     * A page's events, and how many of the points the book holds as listed from this page the
     * page shows again (what {@link Shape} and the delisting count need), found in the same pass.
     */
    record Comparison(List<PriceEvent> events, int shownAgain) {
    }

    /** One book lookup per point; nothing is allocated for a point whose price did not move. */
    static Comparison compare(PriceBook book, List<ExtractedPrice> prices, String url, Instant fetchedAt,
                              String pageSha256) {
        List<PriceEvent> events = new ArrayList<>();
        int shownAgain = 0;
        for (ExtractedPrice seen : latestPerPoint(prices)) {
            PriceBook.PointState known = book.find(seen.pointId());
            if (known == null) {
                events.add(PriceEvents.listed(PointHead.genesis(seen.pointId()), seen.price(),
                        observation(seen, url, fetchedAt, pageSha256)));
            } else if (!known.listed()) {
                events.add(PriceEvents.listed(known.head(), seen.price(), observation(seen, url, fetchedAt, pageSha256)));
            } else {
                if (url.equals(known.url())) {
                    shownAgain++;
                }
                if (!known.price().sameAs(seen.price())) {
                    events.add(PriceEvents.changed(known.head(), known.price(), seen.price(),
                            observation(seen, url, fetchedAt, pageSha256)));
                }
            }
        }
        return new Comparison(events, shownAgain);
    }

    /** Built only for a reading that becomes an event: most readings of a page are unchanged. */
    private static Observation observation(ExtractedPrice seen, String url, Instant fetchedAt, String pageSha256) {
        return new Observation(fetchedAt, seen.effectiveFrom(), new Evidence(url, fetchedAt, pageSha256, seen.cellText()));
    }

    /** One reading per point, an announced price winning over today's, the later announcement over the earlier. */
    static List<ExtractedPrice> latestPerPoint(List<ExtractedPrice> prices) {
        if (prices.stream().noneMatch(ExtractedPrice::announced)) {
            // An extraction shows each point once per date (its Collector merges repeats), so
            // with no announced price it is already one reading per point.
            return prices;
        }
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
