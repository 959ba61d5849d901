package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBookTest {

    private static final String PAGE = "https://vendor.example/pricing";
    private static final String OTHER_PAGE = "https://vendor.example/other-pricing";
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final PriceBook book = new PriceBook();

    @Test
    void countsTheListedPointsOfEachPage() {
        PriceEvent a = listed(id("a"), PAGE, "1");
        PriceEvent b = listed(id("b"), PAGE, "1");
        PriceEvent c = listed(id("c"), OTHER_PAGE, "1");
        List.of(a, b, c).forEach(book::apply);

        assertThat(book.countListedFrom(PAGE)).isEqualTo(2);
        assertThat(book.countListedFrom(OTHER_PAGE)).isEqualTo(1);
        assertThat(book.countListedFrom("https://vendor.example/never-read")).isZero();
    }

    @Test
    void aDelistedPointOrOneReadFromAnotherPageNoLongerCounts() {
        PriceEvent a = listed(id("a"), PAGE, "1");
        PriceEvent b = listed(id("b"), PAGE, "1");
        List.of(a, b).forEach(book::apply);

        book.apply(PriceEvents.delisted(a.head(), a.currentPrice(), seen(PAGE)));
        book.apply(PriceEvents.changed(b.head(), b.currentPrice(), price("2"), seen(OTHER_PAGE)));

        assertThat(book.countListedFrom(PAGE)).isZero();
        assertThat(book.countListedFrom(OTHER_PAGE)).isEqualTo(1);
    }

    @Test
    void aRepublishedEventIsNotCountedTwice() {
        PriceEvent a = listed(id("a"), PAGE, "1");
        book.apply(a);
        book.apply(a);

        assertThat(book.countListedFrom(PAGE)).isEqualTo(1);
    }

    /** The count agrees with the listed points it counts, whatever order listings, changes and delistings come in. */
    @Test
    void theCountIsAlwaysTheSizeOfTheListedPoints() {
        Random random = new Random(3);
        List<String> pages = List.of(PAGE, OTHER_PAGE, "https://vendor.example/third");
        Map<PricePointId, PriceEvent> last = new HashMap<>();
        List<PriceEvent> applied = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            PricePointId id = id("m" + random.nextInt(40));
            String page = pages.get(random.nextInt(pages.size()));
            PriceEvent before = last.get(id);
            PriceEvent next;
            if (before == null) {
                next = listed(id, page, "1");
            } else if (before instanceof PriceDelisted) {
                next = PriceEvents.listed(before.head(), price("1"), seen(page));
            } else if (random.nextInt(4) == 0) {
                next = PriceEvents.delisted(before.head(), before.currentPrice(), seen(page));
            } else {
                next = PriceEvents.changed(before.head(), before.currentPrice(), price(String.valueOf(i)), seen(page));
            }
            last.put(id, next);
            applied.add(next);
            book.apply(next);
            if (random.nextInt(10) == 0) {
                book.apply(applied.get(random.nextInt(applied.size()))); // a duplicate from a re-publish
            }
            for (String p : pages) {
                assertThat(book.countListedFrom(p)).as("after event %d, page %s", i, p).isEqualTo(book.listedFrom(p).size());
            }
        }
    }

    private static PricePointId id(String model) {
        return PricePointId.of("vendor", model, "input", "standard");
    }

    private static PriceEvent listed(PricePointId id, String page, String amount) {
        return PriceEvents.listed(PointHead.genesis(id), price(amount), seen(page));
    }

    private static Price price(String amount) {
        return Price.of(amount, "CNY", PriceUnit.PER_1M_TOKENS);
    }

    private static Observation seen(String page) {
        return new Observation(NOW, null, new Evidence(page, NOW, "0".repeat(64), "1"));
    }
}
