package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.scraper.extract.ExtractedPrice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a healthy page yields against the book: a listing for a point the book does not
 * hold (or holds as delisted), a change for a point whose price moved, nothing for the rest.
 * Points missing from the page are left alone here: delisting needs repeated confirmation.
 */
public final class PageDiff {

    private PageDiff() {
    }

    public static List<PriceEvent> diff(PriceBook book, List<ExtractedPrice> prices, String url,
                                        Instant fetchedAt, String pageSha256) {
        List<PriceEvent> events = new ArrayList<>();
        for (ExtractedPrice seen : prices) {
            Observation observation = Observation.now(fetchedAt,
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
}
