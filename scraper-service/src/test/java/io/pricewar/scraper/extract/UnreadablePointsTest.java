package io.pricewar.scraper.extract;

import io.pricewar.events.PricePointId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point the page shows but whose price cannot be read is named as unreadable, so the safeguard
 * never takes it for a withdrawn model: a refused price, two different prices for one point, and
 * the discounted tiers of a card whose price or discount note cannot be read.
 */
class UnreadablePointsTest {

    private static final PriceNotation.Context USD = new PriceNotation.Context(Currency.getInstance("USD"), null);
    private static final CardRule CARDS = new CardRule("div.card", "h3", "p", "span",
            new LinkedHashMap<>(Map.of("input", "Input", "output", "Output")), Map.of("batch", ".batch"));

    @Test
    void aPointShownWithTwoDifferentPricesIsUnreadable() {
        Collector collector = new Collector("openai");
        collector.cell("gpt-4o", "input", "standard", "$2.50 / 1M tokens", USD, Announcement.NONE);
        collector.cell("gpt-4o", "input", "standard", "$5.00 / 1M tokens", USD, Announcement.NONE);
        collector.cell("gpt-4o", "output", "standard", "$10.00 / 1M tokens", USD, Announcement.NONE);

        Extraction extraction = collector.finish();

        assertThat(extraction.prices()).extracting(p -> p.pointId().toString())
                .containsExactly("openai:gpt-4o:output:standard");
        assertThat(extraction.rejected()).hasSize(2);
        assertThat(extraction.unreadable()).extracting(PricePointId::toString)
                .containsExactly("openai:gpt-4o:input:standard");
    }

    @Test
    void aCardsUnreadablePriceMakesItsDiscountedTierUnreadableToo() {
        Extraction extraction = CardExtractor.extract(Jsoup.parse("""
                <div class="card"><h3>gpt-4o</h3><p>Input <span>ask us</span></p><p>Output <span>$10.00 / 1M tokens</span></p>
                <em class="batch">Batch API: 50% off</em></div>
                """), "openai", CARDS, USD);

        assertThat(extraction.prices()).extracting(p -> p.pointId().toString())
                .containsExactlyInAnyOrder("openai:gpt-4o:output:standard", "openai:gpt-4o:output:batch");
        assertThat(extraction.unreadable()).extracting(PricePointId::toString)
                .containsExactlyInAnyOrder("openai:gpt-4o:input:standard", "openai:gpt-4o:input:batch");
    }

    @Test
    void anUnreadableDiscountNoteMakesEveryMetersDiscountedTierUnreadable() {
        Extraction extraction = CardExtractor.extract(Jsoup.parse("""
                <div class="card"><h3>gpt-4o</h3><p>Input <span>$2.50 / 1M tokens</span></p><p>Output <span>$10.00 / 1M tokens</span></p>
                <em class="batch">Batch API: half price</em></div>
                """), "openai", CARDS, USD);

        assertThat(extraction.prices()).extracting(p -> p.pointId().toString())
                .containsExactlyInAnyOrder("openai:gpt-4o:input:standard", "openai:gpt-4o:output:standard");
        assertThat(extraction.unreadable()).extracting(PricePointId::toString)
                .containsExactlyInAnyOrder("openai:gpt-4o:input:batch", "openai:gpt-4o:output:batch");
    }
}
