package io.pricewar.scraper.diff;

import io.pricewar.events.HashChain;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;
import io.pricewar.scraper.extract.ExtractedPrice;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.FixturePages;
import io.pricewar.scraper.extract.PriceNotation;
import io.pricewar.scraper.extract.TableExtractor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageDiffTest {

    private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant MAY_21 = Instant.parse("2024-05-21T02:00:00Z");

    private static final PricePointId QWEN_LONG_INPUT = PricePointId.of("alibaba", "qwen-long", "input", "standard");

    private final PriceBook book = new PriceBook();

    @Test
    void listsEveryPointOnTheFirstReading() {
        List<PriceEvent> events = read("alibaba-before-cut.html", MAY_1);

        assertThat(events).hasSize(6).allSatisfy(e -> {
            assertThat(e).isInstanceOf(PriceListed.class);
            assertThat(e.seq()).isEqualTo(1);
        });
    }

    @Test
    void yieldsOneChangePerMovedPointAndNothingForTheRest() {
        read("alibaba-before-cut.html", MAY_1).forEach(book::apply);

        List<PriceEvent> events = read("alibaba-after-cut.html", MAY_21);

        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(PriceChanged.class));
        assertThat(events).extracting(e -> e.pointId().toString()).containsExactlyInAnyOrder(
                "alibaba:qwen-long:input:standard", "alibaba:qwen-long:output:standard",
                "alibaba:qwen-max:input:standard", "alibaba:qwen-turbo:input:standard",
                "alibaba:qwen-turbo:output:standard");
        PriceChanged qwenLong = (PriceChanged) events.stream()
                .filter(e -> e.pointId().toString().equals("alibaba:qwen-long:input:standard")).findFirst().orElseThrow();
        assertThat(qwenLong.previousPrice().per1M()).isEqualByComparingTo("20");
        assertThat(qwenLong.newPrice().per1M()).isEqualByComparingTo("0.5");
        assertThat(qwenLong.seq()).isEqualTo(2);
    }

    @Test
    void theSamePageReadTwiceYieldsNothingTheSecondTime() {
        read("alibaba-before-cut.html", MAY_1).forEach(book::apply);

        assertThat(read("alibaba-before-cut.html", MAY_21)).isEmpty();
    }

    @Test
    void eventsContinueEachPointsHashChain() {
        List<PriceEvent> all = new ArrayList<>(read("alibaba-before-cut.html", MAY_1));
        all.forEach(book::apply);
        all.addAll(read("alibaba-after-cut.html", MAY_21));

        List<PriceEvent> qwenLong = all.stream()
                .filter(e -> e.pointId().toString().equals("alibaba:qwen-long:input:standard")).toList();

        assertThat(qwenLong).hasSize(2);
        assertThat(HashChain.firstBrokenLink(qwenLong)).isEmpty();
    }

    @Test
    void aReplayedDuplicateDoesNotMoveTheBookBack() {
        List<PriceEvent> first = read("alibaba-before-cut.html", MAY_1);
        first.forEach(book::apply);
        List<PriceEvent> cut = read("alibaba-after-cut.html", MAY_21);
        cut.forEach(book::apply);

        first.forEach(book::apply);

        assertThat(read("alibaba-after-cut.html", MAY_21)).isEmpty();
    }

    @Test
    void anAnnouncedPriceIsDiffedWithItsEffectiveDateInsteadOfTodaysPrice() {
        read("alibaba-before-cut.html", MAY_1).forEach(book::apply);
        ExtractedPrice today = new ExtractedPrice(QWEN_LONG_INPUT, Price.of("0.02", "CNY", PriceUnit.PER_1K_TOKENS), "0.02元/千tokens");
        Instant sept5 = Instant.parse("2025-09-05T16:00:00Z");
        ExtractedPrice announced = new ExtractedPrice(QWEN_LONG_INPUT, Price.of("0.01", "CNY", PriceUnit.PER_1K_TOKENS),
                "0.01元/千tokens", false, sept5);

        List<PriceEvent> events = PageDiff.diff(book, List.of(today, announced), "https://vendor.example/", MAY_21, "e".repeat(64));

        assertThat(events).singleElement().isInstanceOfSatisfying(PriceChanged.class, c -> {
            assertThat(c.effectiveFrom()).isEqualTo(sept5);
            assertThat(c.newPrice().amount()).isEqualByComparingTo("0.01");
        });
        events.forEach(book::apply);
        assertThat(PageDiff.diff(book, List.of(today, announced), "https://vendor.example/", MAY_21.plusSeconds(60), "e".repeat(64)))
                .as("the same announcement read again is no news").isEmpty();
    }

    private List<PriceEvent> read(String page, Instant at) {
        Extraction extraction = TableExtractor.extract(FixturePages.page(page), "alibaba", FixturePages.ROWS_TABLE,
                new PriceNotation.Context(Currency.getInstance("CNY"), null));
        return PageDiff.diff(book, extraction.prices(), "https://vendor.example/" + page, at, "e".repeat(64));
    }
}
